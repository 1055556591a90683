using System.Text;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Http;

/// <summary>The parts of an HTTP request the API looks at, read once from the HttpContext.</summary>
internal sealed class ApiRequest
{
    public required string Method { get; init; }
    /// <summary>Path below <c>/api/</c> (no leading slash), or null when outside the API.</summary>
    public required string? ApiPath { get; init; }
    public required string FullPath { get; init; }
    public required string RawQuery { get; init; }
    public required List<KeyValuePair<string, string>> Query { get; init; }
    public required string Scheme { get; init; }
    public required string Host { get; init; }
    public string? Authorization { get; init; }
    public string? Accept { get; init; }
    public string? ContentType { get; init; }
    public byte[] Body { get; init; } = [];

    /// <summary>Absolute URL of the API root as this request addressed it (links are built from the Host).</summary>
    public string ApiBase => $"{Scheme}://{Host}/api/";

    /// <summary>The request's absolute URL without the query (Django's build_absolute_uri minus query).</summary>
    public string AbsolutePath => $"{Scheme}://{Host}{FullPath}";

    /// <summary>Last value of a query parameter.</summary>
    public string? QueryValue(string key) => QueryString.Last(Query, key);

    private RequestData? _data;
    private ApiResponse? _dataError;

    /// <summary>
    /// DRF's lazy <c>request.data</c>: parsed on first use, so errors in the body surface only where a
    /// view reads it (after authentication and permission checks), with DRF's 400/415 answers.
    /// </summary>
    public bool TryGetData(out RequestData data, out ApiResponse? error)
    {
        if (_data is null && _dataError is null) Parse();
        data = _data!;
        error = _dataError;
        return _dataError is null;
    }

    private void Parse()
    {
        var media = (ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        bool isForm = media is "application/x-www-form-urlencoded" or "multipart/form-data";
        if (Body.Length == 0 || media.Length == 0)
        {
            _data = RequestData.Empty(isForm);
            return;
        }
        if (media == "application/json")
        {
            string text;
            try { text = new UTF8Encoding(false, true).GetString(Body); }
            catch (DecoderFallbackException)
            {
                _dataError = ApiResponse.Detail(400, "JSON parse error - 'utf-8' codec can't decode bytes: invalid utf-8");
                return;
            }
            try { _data = RequestData.FromJson(PyJsonParser.Parse(text)); }
            catch (PyJsonException e) { _dataError = ApiResponse.Detail(400, "JSON parse error - " + e.Message); }
            return;
        }
        if (media == "application/x-www-form-urlencoded")
        {
            _data = RequestData.FromForm(QueryString.Parse(Encoding.UTF8.GetString(Body)));
            return;
        }
        if (media == "multipart/form-data")
        {
            _data = RequestData.FromForm(MultipartReader.ReadFields(ContentType!, Body));
            return;
        }
        _dataError = ApiResponse.Detail(415, $"Unsupported media type \"{ContentType}\" in request.");
    }
}
