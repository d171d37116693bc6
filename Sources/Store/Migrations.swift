import GRDB

/// Schema history. Never edit a shipped migration; add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-pipeline") { db in
            try db.create(table: "customer") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("notifyEmail", .text)
                t.column("lists", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "active")
                t.column("outputCompression", .text).notNull().defaults(to: "asInput")
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("customerId", .text).notNull().indexed()
                t.column("inputName", .text).notNull()
                t.column("inputSize", .integer).notNull()
                t.column("inputDigest", .text).notNull().indexed()
                t.column("claimedAt", .datetime).notNull()
                t.column("state", .text).notNull()
                t.column("lastStage", .text)
                t.column("rows", .integer)
                t.column("hits", .integer)
                t.column("unchecked", .integer)
                t.column("indexVersion", .text)
                t.column("outputPath", .text)
                t.column("expiresAt", .datetime)
                t.column("repeatOf", .text)
                t.column("error", .text)
                t.column("finishedAt", .datetime)
                t.column("purgedAt", .datetime)
            }
            try db.create(table: "jobStage") { t in
                t.column("jobId", .text).notNull().references("job", onDelete: .cascade)
                t.column("stage", .text).notNull()
                t.column("finishedAt", .datetime).notNull()
                t.primaryKey(["jobId", "stage"])
            }
            try db.create(table: "usageRecord") { t in
                t.primaryKey("jobId", .text)
                t.column("customerId", .text).notNull().indexed()
                t.column("month", .text).notNull().indexed()
                t.column("rowsChecked", .integer).notNull()
                t.column("hitsPost", .integer).notNull()
                t.column("hitsTelefon", .integer).notNull()
                t.column("hitsMobil", .integer).notNull()
                t.column("hitsFax", .integer).notNull()
                t.column("hitsEmail", .integer).notNull()
                t.column("recordedAt", .datetime).notNull()
            }
            try db.create(table: "notification") { t in
                t.primaryKey("jobId", .text)
                t.column("recipient", .text)
                t.column("messagePath", .text).notNull()
                t.column("state", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("lastError", .text)
                t.column("sentAt", .datetime)
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull().indexed()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        return migrator
    }
}
