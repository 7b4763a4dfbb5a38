using System.Xml;
using System.Xml.Linq;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Parses one record element of an XML file. Its attributes and its child elements are the fields (names decoded with
/// <see cref="XmlConvert.DecodeName"/>); values are strings: the text of the element, or its inner XML when it has
/// child elements; an element with <c>xsi:nil="true"</c> is null.
/// </summary>
internal sealed class XmlRecordParser(bool includeValues) : IRecordParser
{
    private static readonly XName Nil = XName.Get("nil", XmlFormat.XsiNamespace);

    public Record? Parse(RecordContext context)
    {
        XElement element;
        try
        {
            element = XElement.Parse(context.RawText ?? string.Empty);
        }
        catch (XmlException e)
        {
            var detail = includeValues ? $": {e.Message}" : string.Empty;
            return RecordParsers.Fail(context, $"invalid XML at line {e.LineNumber}, position {e.LinePosition} of the record{detail}");
        }

        var record = new Record();
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                record[XmlConvert.DecodeName(attribute.Name.LocalName)] = attribute.Value;
            }
        }

        foreach (var field in element.Elements())
        {
            var name = XmlConvert.DecodeName(field.Name.LocalName);
            if (record.ContainsKey(name))
            {
                return RecordParsers.Fail(context, $"field '{name}' appears twice in the record", name);
            }

            record[name] = (string?)field.Attribute(Nil) == "true" ? null
                : field.HasElements ? string.Concat(field.Nodes())
                : field.Value;
        }

        return record;
    }
}

/// <summary>The names of the XML record convention, shared by the reader and the writer.</summary>
internal static class XmlFormat
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string RootElement = "records";
    public const string RecordElement = "record";
}
