using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;

namespace Linli.Modules.Cases.Text;

/// <summary>
/// Splits what a reporter wrote into words with the HMM segmenter of Lucene's SmartCn (whose
/// dictionaries ship inside the package, so nothing is read from disk or the network), after
/// folding full-width forms, and drops the filler words every report shares (请, 麻烦, 尽快…).
/// The segmenter is called directly on each run of text between punctuation: the full analyzer
/// chain (ICU sentence breaking, stemming and stop filters) cost three times as much under load.
/// </summary>
public static class ReportWords
{
    // The segmenter keeps working state between calls: one per thread.
    [ThreadStatic]
    private static HHMMSegmenter? _segmenter;

    /// <summary>Words that say nothing about which problem this is: courtesy, urgency, the act of reporting.</summary>
    private static readonly HashSet<string> Filler =
    [
        "的", "了", "在", "是", "有", "和", "与", "及", "也", "都", "就", "还", "又", "很", "太", "着", "把", "被", "给",
        "我", "我们", "你", "你们", "他", "她", "它", "他们", "这", "那", "这个", "那个", "这里", "那里", "这边", "那边", "此", "该",
        "请", "麻烦", "尽快", "赶紧", "快", "快点", "马上", "及时", "处理", "解决", "一下", "希望", "谢谢", "感谢", "急", "紧急",
        "反映", "反应", "上报", "报告", "举报", "投诉", "来电", "市民", "居民", "群众", "发现", "经", "巡查", "现场", "目前", "已经",
        "一直", "好几天", "几天", "今天", "昨天", "刚才", "现在", "有人", "没人", "管", "啊", "吧", "呢", "吗", "呀", "哦", "啦",
    ];

    /// <summary>The content words of a report, in order (repeats kept: a word said twice weighs more).</summary>
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var segmenter = _segmenter ??= new HHMMSegmenter();
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var start = 0;
        for (var i = 0; i <= normalised.Length; i++)
        {
            if (i < normalised.Length && !IsBreak(normalised[i]))
            {
                continue;
            }
            if (i > start)
            {
                foreach (var token in segmenter.Process(normalised[start..i]))
                {
                    if (token.WordType is WordType.SENTENCE_BEGIN or WordType.SENTENCE_END or WordType.DELIMITER)
                    {
                        continue;
                    }
                    var word = new string(token.CharArray);
                    // Punctuation never reaches here: the text is cut at it.
                    if (!Filler.Contains(word))
                    {
                        words.Add(word);
                    }
                }
            }
            start = i + 1;
        }
        return words;
    }

    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
