/// Names of the columns appended to the customer's file (configurable; German defaults).
public struct OutputColumns: Sendable, Codable, Equatable {
    public var marker = "robinson"
    public var lists = "robinson_listen"
    public var reason = "robinson_grund"
    /// Separator between list names inside `robinson_listen` (the field is
    /// quoted when it collides with the file's delimiter).
    public var listSeparator = ";"

    public init() {}
}
