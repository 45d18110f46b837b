<#-- Runnel's productions for Flink's DDL and SQL-client statements, included into Calcite's Parser.jj.
     Names start with "Runnel" so they cannot clash with Calcite's. Nodes are this module's
     io.runnel.sql.parser classes; expressions, queries and INSERT are Calcite's own productions. -->

/** CREATE [TEMPORARY [SYSTEM]] TABLE | [MATERIALIZED] VIEW | FUNCTION ... */
SqlNode RunnelCreate() :
{
    boolean temporary = false;
    boolean system = false;
    final SqlNode node;
}
{
    <CREATE>
    [ <TEMPORARY> { temporary = true; } [ <SYSTEM> { system = true; } ] ]
    (
        node = RunnelCreateTable(temporary)
    |
        node = RunnelCreateView(temporary, false)
    |
        <MATERIALIZED> node = RunnelCreateView(temporary, true)
    |
        node = RunnelCreateFunction(temporary, system)
    )
    { return node; }
}

boolean RunnelIfNotExists() :
{
}
{
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean RunnelIfExists() :
{
}
{
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** A possibly dotted name (cat.db.t) as one string. */
String RunnelName() :
{
    final SqlIdentifier id;
}
{
    id = CompoundIdentifier() { return String.join(".", id.names); }
}

/** ( a, b, ... ) */
List<String> RunnelColumnNames() :
{
    final List<String> names = new ArrayList<String>();
    SqlIdentifier id;
}
{
    <LPAREN> id = SimpleIdentifier() { names.add(id.getSimple()); }
    ( <COMMA> id = SimpleIdentifier() { names.add(id.getSimple()); } )*
    <RPAREN>
    { return names; }
}

String RunnelComment() :
{
    final String comment;
}
{
    <COMMENT> comment = SimpleStringLiteral() { return comment; }
}

SqlNode RunnelCreateTable(boolean temporary) :
{
    final boolean ifNotExists;
    final String name;
    final TableDefBuilder table = new TableDefBuilder();
}
{
    <TABLE> ifNotExists = RunnelIfNotExists() name = RunnelName()
    [
        <LPAREN> RunnelTableElement(table) ( <COMMA> RunnelTableElement(table) )* <RPAREN>
    ]
    [ table.comment = RunnelComment() ]
    [ RunnelOptions(table) ]
    { return table.build(name, temporary, ifNotExists); }
}

/** WITH ('k' = 'v', ...) */
void RunnelOptions(TableDefBuilder table) :
{
    String key;
    String value;
    SqlParserPos pos;
}
{
    <WITH> <LPAREN>
    [
        key = SimpleStringLiteral() { pos = getPos(); } <EQ> value = SimpleStringLiteral()
        { table.option(pos, key, value); }
        (
            <COMMA> key = SimpleStringLiteral() { pos = getPos(); } <EQ> value = SimpleStringLiteral()
            { table.option(pos, key, value); }
        )*
    ]
    <RPAREN>
}

/** A column, the watermark or the primary key. */
void RunnelTableElement(TableDefBuilder table) :
{
    SqlIdentifier column;
    SqlNode expression;
    List<String> key;
    SqlParserPos pos;
}
{
    LOOKAHEAD(2)
    <WATERMARK> { pos = getPos(); } <FOR> column = SimpleIdentifier()
    <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
    { table.watermark(pos, column.getSimple(), expression); }
|
    [ <CONSTRAINT> SimpleIdentifier() ]
    <PRIMARY> { pos = getPos(); } <KEY> key = RunnelColumnNames() <NOT> <ENFORCED>
    { table.primaryKey(pos, key); }
|
    column = SimpleIdentifier() { table.startColumn(getPos(), column.getSimple()); }
    (
        <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY) { table.computed(expression); }
    |
        RunnelTypedColumn(table, column.getSimple())
    )
    [ table.columnComment = RunnelComment() ]
    { table.endColumn(); }
}

/** After a column's name: type [PRIMARY KEY NOT ENFORCED] [METADATA [FROM 'key'] [VIRTUAL]]. */
void RunnelTypedColumn(TableDefBuilder table, String name) :
{
    final SqlDataTypeSpec type;
    String metadataKey = null;
    boolean virtual = false;
    SqlParserPos pos;
}
{
    type = RunnelDataType()
    [
        <PRIMARY> { pos = getPos(); } <KEY> <NOT> <ENFORCED>
        { table.primaryKey(pos, java.util.Collections.singletonList(name)); }
    ]
    [
        <METADATA> { metadataKey = name; }
        [ <FROM> metadataKey = SimpleStringLiteral() ]
        [ <VIRTUAL> { virtual = true; } ]
    ]
    { table.typed(type, metadataKey, virtual); }
}

/** A type in Flink's nullability convention: nullable unless NOT NULL is written. */
SqlDataTypeSpec RunnelDataType() :
{
    final SqlDataTypeSpec type;
    boolean nullable = true;
}
{
    type = DataType()
    [ <NOT> <NULL> { nullable = false; } | <NULL> ]
    { return type.withNullable(nullable); }
}

/**
 * Flink's type names: STRING, BYTES, TIMESTAMP_LTZ[(p)], ARRAY<T>, MULTISET<T>, MAP<K, V>, ROW<name T, ...> and
 * ROW(name T, ...) with Flink's nullability for the fields (how Runnel unparses rows).
 */
SqlTypeNameSpec RunnelTypeName() :
{
    SqlDataTypeSpec element;
    SqlDataTypeSpec value;
    int precision = -1;
    final List<SqlIdentifier> fieldNames = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> fieldTypes = new ArrayList<SqlDataTypeSpec>();
}
{
    <STRING> { return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, getPos()); }
|
    <BYTES> { return new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, Integer.MAX_VALUE, getPos()); }
|
    <TIMESTAMP_LTZ> [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
    { return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision, getPos()); }
|
    <ARRAY> <LT> element = RunnelDataType() <GT>
    { return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), SqlTypeName.ARRAY, getPos()); }
|
    <MULTISET> <LT> element = RunnelDataType() <GT>
    { return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), SqlTypeName.MULTISET, getPos()); }
|
    <MAP> <LT> element = RunnelDataType() <COMMA> value = RunnelDataType() <GT>
    { return new SqlMapTypeNameSpec(element, value, getPos()); }
|
    LOOKAHEAD(2)
    <ROW> <LT> RunnelRowFields(fieldNames, fieldTypes) <GT>
    { return new SqlRowTypeNameSpec(getPos(), fieldNames, fieldTypes); }
|
    <ROW> <LPAREN> RunnelRowFields(fieldNames, fieldTypes) <RPAREN>
    { return new SqlRowTypeNameSpec(getPos(), fieldNames, fieldTypes); }
}

void RunnelRowFields(List<SqlIdentifier> names, List<SqlDataTypeSpec> types) :
{
    SqlIdentifier name;
    SqlDataTypeSpec type;
}
{
    name = SimpleIdentifier() type = RunnelDataType() [ RunnelComment() ]
    { names.add(name); types.add(type); }
    (
        <COMMA> name = SimpleIdentifier() type = RunnelDataType() [ RunnelComment() ]
        { names.add(name); types.add(type); }
    )*
}

SqlNode RunnelCreateView(boolean temporary, boolean materialized) :
{
    final boolean ifNotExists;
    final String name;
    List<String> columns = java.util.Collections.emptyList();
    String comment = null;
    final SqlNode query;
}
{
    <VIEW> ifNotExists = RunnelIfNotExists() name = RunnelName()
    [ columns = RunnelColumnNames() ]
    [ comment = RunnelComment() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    { return new SqlCreateView(name, columns, query, temporary, ifNotExists, comment, materialized); }
}

SqlNode RunnelCreateFunction(boolean temporary, boolean system) :
{
    final boolean ifNotExists;
    final String name;
    final String className;
    String language = "JAVA";
    SqlIdentifier id;
}
{
    <FUNCTION> ifNotExists = RunnelIfNotExists() name = RunnelName()
    <AS> className = SimpleStringLiteral()
    [ <LANGUAGE> id = SimpleIdentifier() { language = id.getSimple().toUpperCase(Locale.ROOT); } ]
    { return new SqlCreateFunction(name, className, language, temporary, system, ifNotExists); }
}

/** DROP [TEMPORARY] [SYSTEM] TABLE | [MATERIALIZED] VIEW | FUNCTION [IF EXISTS] name */
SqlNode RunnelDrop() :
{
    boolean temporary = false;
    final SqlDropObject.ObjectKind kind;
    final boolean ifExists;
    final String name;
}
{
    <DROP>
    [ <TEMPORARY> { temporary = true; } ]
    [ <SYSTEM> ]
    (
        <TABLE> { kind = SqlDropObject.ObjectKind.TABLE; }
    |
        <VIEW> { kind = SqlDropObject.ObjectKind.VIEW; }
    |
        <MATERIALIZED> <VIEW> { kind = SqlDropObject.ObjectKind.MATERIALIZED_VIEW; }
    |
        <FUNCTION> { kind = SqlDropObject.ObjectKind.FUNCTION; }
    )
    ifExists = RunnelIfExists() name = RunnelName()
    { return new SqlDropObject(kind, name, ifExists, temporary); }
}

/** SET 'key' = 'value', or SET alone. */
SqlNode RunnelSet() :
{
    String key = null;
    String value = null;
}
{
    <SET> [ key = SimpleStringLiteral() <EQ> value = SimpleStringLiteral() ]
    { return new SqlSetStatement(key, value); }
}

/** RESET 'key', or RESET alone. */
SqlNode RunnelReset() :
{
    String key = null;
}
{
    <RESET> [ key = SimpleStringLiteral() ]
    { return new SqlResetStatement(key); }
}

SqlNode RunnelShow() :
{
}
{
    <SHOW>
    (
        <TABLES> { return new SqlShowObjects(SqlShowObjects.Listing.TABLES); }
    |
        <VIEWS> { return new SqlShowObjects(SqlShowObjects.Listing.VIEWS); }
    |
        <FUNCTIONS> { return new SqlShowObjects(SqlShowObjects.Listing.FUNCTIONS); }
    )
}

SqlNode RunnelDescribe() :
{
    final String name;
}
{
    ( <DESCRIBE> | <DESC> ) name = RunnelName()
    { return new io.runnel.sql.parser.SqlDescribeTable(name); } // Calcite has a class of that name
}

/** EXPLAIN [PLAN FOR] a query, an INSERT or a statement set. */
SqlNode RunnelExplain() :
{
    final SqlNode statement;
}
{
    <EXPLAIN> [ LOOKAHEAD(2) <PLAN> <FOR> ]
    ( statement = RunnelExecute() | statement = SqlQueryOrDml() )
    { return new SqlExplainStatement(statement); }
}

/** EXECUTE STATEMENT SET BEGIN insert; ... END, or EXECUTE insert. */
SqlNode RunnelExecute() :
{
    final List<SqlInsert> inserts = new ArrayList<SqlInsert>();
    SqlNode insert;
}
{
    <EXECUTE>
    (
        <STATEMENT> <SET> <BEGIN>
        ( insert = SqlInsert() { inserts.add((SqlInsert) insert); } <SEMICOLON> )*
        <END>
        { return new SqlStatementSet(inserts); }
    |
        insert = SqlInsert() { return insert; }
    )
}
