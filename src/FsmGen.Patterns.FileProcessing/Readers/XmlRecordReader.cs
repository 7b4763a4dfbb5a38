using System.Xml;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads XML by the record convention: the root element (any name) holds the records, one child element (any name,
/// usually <c>record</c>) per record; see <see cref="XmlRecordParser"/> for the fields. Each record's XML goes to the
/// parse stage as text. DTDs are refused (no entity expansion from untrusted files). XML cannot be resynchronised after
/// a syntax error, so the rest of the document is then one failed record, located by line.
/// </summary>
internal sealed class XmlRecordReader : RecordReader
{
    private readonly XmlReader _xml;

    public XmlRecordReader(FileProcessingConfig config, InputStream input)
        : base(config, input)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        _xml = XmlReader.Create(input, settings);
    }

    protected override string EmptyInputReason => "the file has no records (it is empty, or its root element has no child elements)";

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineInfo = (IXmlLineInfo)_xml;
        var atRoot = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordContext? next = null;
            var done = false;
            try
            {
                if (atRoot)
                {
                    atRoot = false;
                    if (await _xml.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element || _xml.IsEmptyElement)
                    {
                        done = true;
                    }
                    else
                    {
                        await _xml.ReadAsync().ConfigureAwait(false);
                    }
                }

                while (!done && next is null)
                {
                    switch (_xml.NodeType)
                    {
                        case XmlNodeType.Element when _xml.Depth == 1:
                            var line = lineInfo.LineNumber;
                            var raw = await _xml.ReadOuterXmlAsync().ConfigureAwait(false);
                            next = new RecordContext { LineNumber = line, RawText = raw };
                            break;
                        case XmlNodeType.EndElement when _xml.Depth == 0:
                        case XmlNodeType.None:
                            done = true;
                            break;
                        default:
                            // Text or other nodes directly under the root are not records.
                            done = !await _xml.ReadAsync().ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (XmlException e)
            {
                var detail = Config.IncludeValuesInErrors ? $": {e.Message}" : string.Empty;
                next = RecordContext.Unreadable(e.LineNumber, -1, $"XML syntax error at line {e.LineNumber}, position {e.LinePosition}{detail}; the rest of the document cannot be read");
                done = true;
            }

            LinesRead = Math.Max(LinesRead, lineInfo.LineNumber);
            if (next is not null)
            {
                yield return next;
            }

            if (done)
            {
                yield break;
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _xml.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
