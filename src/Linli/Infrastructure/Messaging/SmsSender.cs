namespace Linli.Infrastructure.Messaging;

/// <summary>
/// Sends a short text message. A city plugs in its SMS gateway (Aliyun, Tencent Cloud, an operator's
/// SMGP link); the development sender writes the message to the log instead.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>Writes each message to the log (category Linli.Sms), the full phone included: development and tests only.</summary>
internal sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        LogSms(logger, phone, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to {Phone}: {Text}")]
    private static partial void LogSms(ILogger logger, string phone, string text);
}
