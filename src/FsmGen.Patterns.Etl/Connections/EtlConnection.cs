using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// A source or target database: the provider and the ADO.NET connection string, parsed from
/// <c>postgresql://user:pass@host:port/db?param=value</c> (or <c>postgres://</c>), <c>sqlite:path.db</c> (or
/// <c>sqlite://path.db</c>), or a plain ADO.NET string (<c>Host=...</c> is PostgreSQL, <c>Data Source=...</c> SQLite).
/// </summary>
internal sealed class EtlConnection
{
    private EtlConnection(DatabaseProvider provider, string connectionString, string display)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Display = display;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection without its password, for messages.</summary>
    public string Display { get; }

    /// <summary>Parses a connection string.</summary>
    /// <param name="text">The connection string in one of the accepted forms.</param>
    /// <param name="field">The config field, for the message.</param>
    /// <param name="readOnly">For SQLite given as <c>sqlite:path</c>: open read-only (a source), otherwise read-write; the file must exist either way.</param>
    /// <exception cref="ArgumentException">The string is empty or of no known form; the message names <paramref name="field"/>.</exception>
    public static EtlConnection Parse(string? text, string field, bool readOnly)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{field} must not be empty: give 'postgresql://user:pass@host:port/db', 'sqlite:path.db' or an ADO.NET connection string.", field);
        }

        text = text.Trim();
        try
        {
            if (StartsWith(text, "postgresql://") || StartsWith(text, "postgres://"))
            {
                return ParsePostgresUri(text);
            }

            if (StartsWith(text, "sqlite:"))
            {
                var path = text["sqlite:".Length..];
                if (path.StartsWith("//", StringComparison.Ordinal))
                {
                    path = path[2..];
                }

                if (path.Length == 0)
                {
                    throw new ArgumentException("the SQLite file path is missing after 'sqlite:'");
                }

                var sqlite = new SqliteConnectionStringBuilder
                {
                    DataSource = path,
                    Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
                };
                return new EtlConnection(DatabaseProvider.Sqlite, sqlite.ConnectionString, "sqlite:" + path);
            }

            return ParseAdoNet(text);
        }
        catch (ArgumentException e) when (e.ParamName != field)
        {
            throw new ArgumentException($"{field}: {e.Message}", field, e);
        }
    }

    /// <summary>Creates an unopened connection.</summary>
    public DbConnection Create() => Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    public override string ToString() => Display;

    private static bool StartsWith(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static EtlConnection ParsePostgresUri(string text)
    {
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        string? query = null;
        var questionMark = rest.IndexOf('?');
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        string? database = null;
        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            database = Decode(rest[(slash + 1)..]);
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':');
            builder.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..]);
            }
        }

        if (rest.Length > 0)
        {
            // host, host:port, [ipv6]:port, or several of them separated by commas (Npgsql's multi-host form).
            var hosts = new List<string>();
            int? port = null;
            foreach (var part in rest.Split(','))
            {
                var (host, hostPort) = SplitHostPort(part);
                hosts.Add(Decode(host));
                port ??= hostPort;
            }

            builder.Host = string.Join(',', hosts);
            if (port is { } p)
            {
                builder.Port = p;
            }
        }

        if (!string.IsNullOrEmpty(database))
        {
            builder.Database = database;
        }

        if (query is not null)
        {
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var key = Decode(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? "true" : Decode(pair[(equals + 1)..]);
                SetParameter(builder, key, value);
            }
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException("the PostgreSQL URI has no host (postgresql://user:pass@host:port/db)");
        }

        var display = $"postgresql://{(builder.Username is null ? string.Empty : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
        return new EtlConnection(DatabaseProvider.PostgreSql, builder.ConnectionString, display);
    }

    private static (string Host, int? Port) SplitHostPort(string part)
    {
        string host;
        string? portText = null;
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']');
            if (close < 0)
            {
                throw new ArgumentException($"the host '{part}' has an unclosed '['");
            }

            host = part[1..close];
            if (close + 1 < part.Length && part[close + 1] == ':')
            {
                portText = part[(close + 2)..];
            }
        }
        else
        {
            var colon = part.LastIndexOf(':');
            host = colon < 0 ? part : part[..colon];
            portText = colon < 0 ? null : part[(colon + 1)..];
        }

        if (portText is null || portText.Length == 0)
        {
            return (host, null);
        }

        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"the port '{portText}' is not a number from 1 to 65535");
        }

        return (host, port);
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        // libpq's names for the usual parameters; anything else must be an Npgsql keyword.
        var npgsqlKey = key.ToLowerInvariant() switch
        {
            "sslmode" => "SSL Mode",
            "application_name" => "Application Name",
            "connect_timeout" => "Timeout",
            "host" => "Host",
            "port" => "Port",
            "user" => "Username",
            "password" => "Password",
            "dbname" => "Database",
            "options" => "Options",
            _ => key,
        };
        try
        {
            builder[npgsqlKey] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"the URI parameter '{key}={value}' is not understood: {e.Message}");
        }
    }

    private static EtlConnection ParseAdoNet(string text)
    {
        DbConnectionStringBuilder generic;
        try
        {
            generic = new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the value is neither a postgresql:// URI, a sqlite: path nor a valid ADO.NET connection string: {e.Message}");
        }

        var isPostgres = generic.ContainsKey("Host") || generic.ContainsKey("Server");
        var isSqlite = generic.ContainsKey("Data Source") || generic.ContainsKey("DataSource") || generic.ContainsKey("Filename");
        if (isPostgres == isSqlite)
        {
            throw new ArgumentException("cannot tell the provider of the ADO.NET connection string: use Host=... for PostgreSQL or Data Source=... for SQLite (or the postgresql:// and sqlite: forms)");
        }

        if (isPostgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            return new EtlConnection(DatabaseProvider.PostgreSql, builder.ConnectionString, $"Host={builder.Host};Port={builder.Port};Database={builder.Database}");
        }

        var sqlite = new SqliteConnectionStringBuilder(text);
        return new EtlConnection(DatabaseProvider.Sqlite, sqlite.ConnectionString, "sqlite:" + sqlite.DataSource);
    }


    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
