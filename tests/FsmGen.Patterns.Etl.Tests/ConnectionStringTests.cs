using Microsoft.Data.Sqlite;
using Npgsql;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>The connection string forms: postgresql:// URIs, sqlite: paths and plain ADO.NET strings.</summary>
public sealed class ConnectionStringTests
{
    [Fact]
    public void A_postgresql_uri_becomes_an_npgsql_connection_string()
    {
        var connection = EtlConnection.Parse("postgresql://etl%40corp:p%3Ass@db.example.com:6543/warehouse?sslmode=require&application_name=nightly", "Target", readOnly: false);

        Assert.Equal(DatabaseProvider.PostgreSql, connection.Provider);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(("db.example.com", 6543, "warehouse", "etl@corp", "p:ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("nightly", builder.ApplicationName);
        Assert.DoesNotContain("p:ss", connection.ToString());
    }

    [Theory]
    [InlineData("postgres://u@localhost/db", "localhost", 5432)]
    [InlineData("postgresql://u@[::1]:5433/db", "::1", 5433)]
    [InlineData("postgresql://u@%2Ftmp%2Fpg:5434/db", "/tmp/pg", 5434)]
    public void Hosts_ports_and_socket_directories_are_understood(string uri, string host, int port)
    {
        var builder = new NpgsqlConnectionStringBuilder(EtlConnection.Parse(uri, "Target", readOnly: false).ConnectionString);
        Assert.Equal((host, port), (builder.Host, builder.Port));
    }

    [Fact]
    public void A_sqlite_path_opens_read_only_as_a_source_and_read_write_as_a_target()
    {
        var source = new SqliteConnectionStringBuilder(EtlConnection.Parse("sqlite:data/app.db", "Source", readOnly: true).ConnectionString);
        var target = new SqliteConnectionStringBuilder(EtlConnection.Parse("sqlite://data/app.db", "Target", readOnly: false).ConnectionString);
        Assert.Equal(("data/app.db", SqliteOpenMode.ReadOnly), (source.DataSource, source.Mode));
        Assert.Equal(("data/app.db", SqliteOpenMode.ReadWrite), (target.DataSource, target.Mode));
    }

    [Theory]
    [InlineData("Host=localhost;Database=db;Username=u", DatabaseProvider.PostgreSql)]
    [InlineData("Data Source=app.db", DatabaseProvider.Sqlite)]
    public void Plain_ado_net_strings_are_recognised_by_their_keywords(string text, DatabaseProvider provider)
    {
        Assert.Equal(provider, EtlConnection.Parse(text, "Target", readOnly: false).Provider);
    }

    [Fact]
    public void An_unknown_uri_parameter_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => EtlConnection.Parse("postgresql://u@h/db?no_such_option=1", "TargetConnection", readOnly: false));
        Assert.Contains("no_such_option", error.Message);
        Assert.Equal("TargetConnection", error.ParamName);
    }
}
