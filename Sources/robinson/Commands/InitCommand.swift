import ArgumentParser
import Matching
import Pipeline
import Store

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the root folders, the secret hashing key and the state database.",
        discussion: """
        Safe to run again: existing folders are tightened to mode 0700, an existing key \
        is never overwritten (a new key would make every index unusable), and the \
        database is migrated to the current schema.
        """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            // A lost database is restored from the backup, never created anew in a root that was in use.
            try context.root.requireDatabaseUnlessUnused()
            try context.root.create()
            let keyFile = context.settings.keyFile ?? context.root.defaultKeyFile
            let created = try HashingKey.createIfAbsent(path: keyFile)
            _ = try HashingKey.load(path: keyFile)
            let database = try StateDatabase(path: context.root.database)
            try database.audit("init", subject: context.root.path, detail: created ? "new hashing key created" : "existing hashing key kept",
                               actor: CommandContext.actor, at: context.clock())
            print("root \(context.root.path) ready; hashing key \(created ? "created" : "kept") at \(keyFile)")
        }
    }
}
