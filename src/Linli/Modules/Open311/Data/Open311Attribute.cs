using System.Text.Json;

namespace Linli.Modules.Open311.Data;

/// <summary>A choice of a list attribute: the key a client posts and the name it shows.</summary>
public sealed record Open311AttributeValue(string Key, string Name);

/// <summary>
/// A question an administrator attaches to a service (a minor category): the specification's
/// service definition attribute. A service's list is replaced as a whole.
/// </summary>
public sealed class Open311Attribute
{
    private Open311Attribute()
    {
        ServiceCode = "";
        Code = "";
        Datatype = "";
        Description = "";
        ValuesJson = "[]";
    }

    public Open311Attribute(Guid id, string serviceCode, string code, string datatype, bool required, bool variable, int order,
        string description, string? datatypeDescription, IEnumerable<Open311AttributeValue> values)
    {
        Id = id;
        ServiceCode = serviceCode;
        Code = code;
        Datatype = datatype;
        Required = required;
        Variable = variable;
        Order = order;
        Description = description;
        DatatypeDescription = datatypeDescription;
        ValuesJson = JsonSerializer.Serialize(values.ToList(), JsonSerializerOptions.Web);
    }

    public Guid Id { get; private set; }
    public string ServiceCode { get; private set; }
    public string Code { get; private set; }

    /// <summary>string, number, datetime, text, singlevaluelist or multivaluelist.</summary>
    public string Datatype { get; private set; }
    public bool Required { get; private set; }

    /// <summary>False: information for the user, nothing to answer.</summary>
    public bool Variable { get; private set; }
    public int Order { get; private set; }
    public string Description { get; private set; }
    public string? DatatypeDescription { get; private set; }

    /// <summary>The choices of a list type, as JSON.</summary>
    public string ValuesJson { get; private set; }

    public IReadOnlyList<Open311AttributeValue> Values =>
        JsonSerializer.Deserialize<List<Open311AttributeValue>>(ValuesJson, JsonSerializerOptions.Web) ?? [];

    public bool IsList => Datatype is "singlevaluelist" or "multivaluelist";
}
