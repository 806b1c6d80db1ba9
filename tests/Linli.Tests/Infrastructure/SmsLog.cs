using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Reads the development SMS sender's log lines ("SMS to 138…: 【邻里】验证码 123456…"), the way a
/// developer reads the code off the console.
/// </summary>
public sealed partial class SmsLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Phone, string Text)> _messages = new();

    public IReadOnlyList<(string Phone, string Text)> Messages => _messages.ToList();

    /// <summary>The six-digit code in the latest message to the phone.</summary>
    public string LatestCode(string phone)
    {
        var text = _messages.LastOrDefault(m => m.Phone == phone).Text
            ?? throw new InvalidOperationException($"No SMS was logged for {phone}.");
        return CodePattern().Match(text).Value;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName.EndsWith("LoggingSmsSender", StringComparison.Ordinal) ? new Capture(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex CodePattern();

    private sealed class Capture(SmsLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "Phone").Value is string phone
                && values.FirstOrDefault(v => v.Key == "Text").Value is string text)
            {
                log._messages.Enqueue((phone, text));
            }
        }
    }
}
