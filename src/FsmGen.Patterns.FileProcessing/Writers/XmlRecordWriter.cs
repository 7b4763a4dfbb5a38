using System.Text;
using System.Xml;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes the XML record convention: <c>&lt;records&gt;</c> holding one <c>&lt;record&gt;</c> per record, one child
/// element per field (names encoded with <see cref="XmlConvert.EncodeLocalName"/>), values as text
/// (see <see cref="ValueText"/>), null as <c>xsi:nil="true"</c>. A value with a character that XML cannot hold
/// (such as U+0000) is a write error, checked before anything of the record is written.
/// </summary>
internal sealed class XmlRecordWriter : IRecordWriter
{
    private readonly XmlWriter _xml;
    private readonly List<(string Element, string? Text)> _fields = [];

    public XmlRecordWriter(Stream output)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false, Async = true };
        _xml = XmlWriter.Create(output, settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement(XmlFormat.RootElement);
        _xml.WriteAttributeString("xmlns", "xsi", null, XmlFormat.XsiNamespace);
    }

    public async ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken)
    {
        _fields.Clear();
        foreach (var (name, value) in record)
        {
            if (name.Length == 0)
            {
                return new StageFailure(ProcessingStage.Write, name, "a field with an empty name cannot be an XML element");
            }

            var text = ValueText.Format(value);
            if (text is not null && !IsXmlText(text))
            {
                return new StageFailure(ProcessingStage.Write, name, $"field '{name}' contains a character that XML cannot hold");
            }

            _fields.Add((XmlConvert.EncodeLocalName(name), text));
        }

        await _xml.WriteStartElementAsync(null, XmlFormat.RecordElement, null).ConfigureAwait(false);
        foreach (var (element, text) in _fields)
        {
            await _xml.WriteStartElementAsync(null, element, null).ConfigureAwait(false);
            if (text is null)
            {
                await _xml.WriteAttributeStringAsync("xsi", "nil", XmlFormat.XsiNamespace, "true").ConfigureAwait(false);
            }
            else
            {
                await _xml.WriteStringAsync(text).ConfigureAwait(false);
            }

            await _xml.WriteEndElementAsync().ConfigureAwait(false);
        }

        await _xml.WriteEndElementAsync().ConfigureAwait(false);
        return null;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _xml.WriteEndElementAsync().ConfigureAwait(false);
        await _xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await _xml.FlushAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _xml.DisposeAsync();

    private static bool IsXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
