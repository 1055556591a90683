using System.Text;
using Microsoft.AspNetCore.Http;
using Saltant.Emulator.Http;

namespace Saltant.Emulator.Faults;

/// <summary>Writes the body of <see cref="Fault.EndlessBody"/>: a list page's start, then a string that does not end.</summary>
internal static class EndlessBodyWriter
{
    private static readonly byte[] Start = Encoding.ASCII.GetBytes("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"name\":\"");
    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string('x', 16 * 1024));

    public static async Task WriteAsync(HttpContext http, EndlessBodyFault fault, CancellationToken stopping)
    {
        var res = http.Response;
        res.StatusCode = 200;
        res.ContentType = ApiResponse.JsonType;
        if (fault.DeclareLength) res.ContentLength = fault.Length;
        if (http.Request.Method == "HEAD") return;
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        long left = fault.Length ?? long.MaxValue;
        try
        {
            // Kestrel's response buffer limit holds each write until the client reads: memory stays flat.
            var start = Start.AsMemory(0, (int)Math.Min(Start.Length, left));
            await res.Body.WriteAsync(start, gone.Token).ConfigureAwait(false);
            left -= start.Length;
            while (left > 0)
            {
                var chunk = Filler.AsMemory(0, (int)Math.Min(Filler.Length, left));
                await res.Body.WriteAsync(chunk, gone.Token).ConfigureAwait(false);
                if (fault.Length is not null) left -= chunk.Length;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client stopped reading and went, or the emulator is stopping: the endless part ends here.
            http.Abort();
        }
    }
}
