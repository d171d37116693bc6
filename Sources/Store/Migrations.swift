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
        migrator.registerMigration("v2-billing") { db in
            // Billing master data on the customer; columns are nullable
            // because customers imported before billing existed lack them.
            try db.alter(table: "customer") { t in
                t.add(column: "street", .text)
                t.add(column: "postcode", .text)
                t.add(column: "city", .text)
                t.add(column: "country", .text).notNull().defaults(to: "DE")
                t.add(column: "invoiceEmail", .text)
                t.add(column: "vatId", .text)
                t.add(column: "taxNumber", .text)
                t.add(column: "customerType", .text).notNull().defaults(to: "business")
                t.add(column: "paymentMethod", .text).notNull().defaults(to: "transfer")
                t.add(column: "planId", .text)
                t.add(column: "contractStart", .text)
                t.add(column: "buyerReference", .text)
            }
            try db.create(table: "plan") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("monthlyFeeCents", .integer)
                t.column("annualFeeCents", .integer)
                t.column("pricePerThousandCents", .integer)
                t.column("packagePriceCents", .integer)
                t.column("packageSize", .integer).notNull().defaults(to: 1500)
                t.column("includedRecords", .integer).notNull().defaults(to: 0)
                t.column("vatBasisPoints", .integer).notNull().defaults(to: 1900)
                t.column("dueDays", .integer).notNull().defaults(to: 7)
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "mandate") { t in
                t.primaryKey("reference", .text)
                t.column("customerId", .text).notNull().indexed().references("customer")
                t.column("iban", .text).notNull()
                t.column("bic", .text)
                t.column("signedOn", .text).notNull()
                t.column("scheme", .text).notNull()
                t.column("used", .boolean).notNull().defaults(to: false)
                t.column("lastCollectedOn", .text)
                t.column("status", .text).notNull().defaults(to: "active")
                t.column("updatedAt", .datetime).notNull()
            }
            // One row per year: the last number handed out. Incremented in the
            // transaction that stores the invoice, so numbers have no gaps.
            try db.create(table: "invoiceSequence") { t in
                t.primaryKey("year", .integer)
                t.column("lastNumber", .integer).notNull()
            }
            try db.create(table: "invoice") { t in
                t.primaryKey("number", .text)
                t.column("year", .integer).notNull()
                t.column("sequence", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("customerId", .text).notNull().indexed()
                t.column("serviceMonth", .text).notNull().indexed()
                t.column("issueDate", .text).notNull()
                t.column("dueDate", .text).notNull()
                t.column("netCents", .integer).notNull()
                t.column("vatCents", .integer).notNull()
                t.column("grossCents", .integer).notNull()
                t.column("paymentMethod", .text).notNull()
                t.column("mandateReference", .text)
                t.column("collectionDate", .text)
                t.column("cancels", .text)
                t.column("cancelledBy", .text)
                t.column("status", .text).notNull()
                // The immutable document (JSON): what the PDF and the XML show, rendered again
                // byte for byte if a crash interrupted writing them.
                t.column("document", .blob).notNull()
                t.column("documentsWrittenAt", .datetime)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["year", "sequence"])
            }
        }
        migrator.registerMigration("v3-collection") { db in
            // Suspended by dunning (lifted by payment in full), unlike a suspension ops set by import.
            try db.alter(table: "customer") { t in
                t.add(column: "suspendedForArrears", .boolean).notNull().defaults(to: false)
            }
            // What happened to an invoice's money: paid so far, the last
            // return, the dunning level reached.
            try db.alter(table: "invoice") { t in
                t.add(column: "paidCents", .integer).notNull().defaults(to: 0)
                t.add(column: "returnReason", .text)
                t.add(column: "presentAgain", .boolean).notNull().defaults(to: false)
                t.add(column: "dunningLevel", .integer).notNull().defaults(to: 0)
                t.add(column: "settledOn", .text)
            }
            // One pain.008 file.
            try db.create(table: "collection") { t in
                t.primaryKey("messageId", .text)
                t.column("scheme", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("path", .text).notNull()
                t.column("transactions", .integer).notNull()
                t.column("sumCents", .integer).notNull()
                // The validated XML, stored before the file is written so a crash in between
                // leaves the file to be written again, never a second file with the same debits.
                t.column("document", .blob).notNull()
                t.column("writtenAt", .datetime)
            }
            // One debit in a pain.008 file; an invoice has several only when re-presented after a return.
            try db.create(table: "collectionItem") { t in
                t.column("messageId", .text).notNull().references("collection")
                t.column("invoiceNumber", .text).notNull().indexed().references("invoice")
                t.column("sequenceType", .text).notNull()
                t.column("collectionDate", .text).notNull()
                t.column("amountCents", .integer).notNull()
                t.column("mandateReference", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "sent")
                t.primaryKey(["messageId", "invoiceNumber"])
            }
            // Money received: credit transfers, manual bookings; a debit counts when not returned.
            try db.create(table: "payment") { t in
                t.autoIncrementedPrimaryKey("id")
                // Identifies the bank entry (or manual booking) so a file imported twice books once.
                t.column("entryReference", .text).notNull().unique()
                t.column("invoiceNumber", .text).indexed()
                t.column("amountCents", .integer).notNull()
                t.column("bookedOn", .text).notNull()
                t.column("source", .text).notNull()
                t.column("remittance", .text)
                t.column("createdAt", .datetime).notNull()
            }
            // A returned or rejected debit.
            try db.create(table: "bankReturn") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entryReference", .text).notNull().unique()
                t.column("endToEndId", .text).notNull()
                t.column("invoiceNumber", .text).indexed()
                t.column("amountCents", .integer).notNull()
                t.column("reason", .text).notNull()
                t.column("returnedOn", .text).notNull()
                t.column("source", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            // Fees and interest owed beside invoices: billed on the next invoice (or collected with the next debit).
            try db.create(table: "charge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("customerId", .text).notNull().indexed()
                // returnFee, dunningFee, interest, lumpSum
                t.column("kind", .text).notNull()
                t.column("amountCents", .integer).notNull()
                t.column("description", .text).notNull()
                t.column("relatesTo", .text)
                t.column("createdOn", .text).notNull()
                t.column("billedOn", .text)
                t.column("billedInvoice", .text)
            }
            // A reminder or dunning letter sent for an invoice.
            try db.create(table: "dunningNotice") { t in
                t.column("invoiceNumber", .text).notNull().references("invoice")
                t.column("level", .integer).notNull()
                t.column("sentOn", .text).notNull()
                t.column("path", .text).notNull()
                t.column("feeCents", .integer).notNull()
                t.column("interestCents", .integer).notNull()
                t.primaryKey(["invoiceNumber", "level"])
            }
        }
        migrator.registerMigration("v4-operations") { db in
            // Persisting conditions (a held file, an e-mail that cannot be sent, a stale index):
            // reported when they start, then at most once a day while they last.
            try db.create(table: "condition") { t in
                t.column("scope", .text).notNull()
                t.column("key", .text).notNull()
                t.column("message", .text).notNull()
                t.column("since", .datetime).notNull()
                t.column("lastSeenAt", .datetime).notNull()
                t.column("reportedAt", .datetime).notNull()
                t.primaryKey(["scope", "key"])
            }
            // When each scheduled command last ran and last succeeded (for monitoring).
            try db.create(table: "commandRun") { t in
                t.primaryKey("command", .text)
                t.column("lastFinishedAt", .datetime).notNull()
                t.column("lastExitCode", .integer).notNull()
                t.column("lastSuccessAt", .datetime)
            }
            // A job that processes a file rejected before names that job.
            try db.alter(table: "job") { t in
                t.add(column: "retryOf", .text)
            }
        }
        migrator.registerMigration("v5-sepa-presentations") { db in
            // Each presentation of an invoice to the bank has its own EndToEndId, so a return names
            // exactly one. Debits sent before carried the invoice number (a re-presentation repeated it).
            try db.alter(table: "collectionItem") { t in
                t.add(column: "endToEndId", .text).notNull().defaults(to: "")
            }
            try db.execute(sql: "UPDATE collectionItem SET endToEndId = invoiceNumber")
            try db.create(index: "collectionItem_endToEndId", on: "collectionItem", columns: ["endToEndId"])
            // The creditor identifier and name a mandate was last debited under: a change is an amendment.
            try db.alter(table: "mandate") { t in
                t.add(column: "creditorIdentifier", .text)
                t.add(column: "creditorName", .text)
            }
            // The history of a mandate's fields. A change the debtor's bank must learn of is
            // pending until the next debit carries it (AmdmntInfDtls), then sent.
            try db.create(table: "mandateChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mandateReference", .text).notNull().indexed()
                t.column("field", .text).notNull()
                t.column("oldValue", .text).notNull()
                t.column("newValue", .text).notNull()
                t.column("changedAt", .datetime).notNull()
                t.column("amendment", .text).notNull()
                t.column("sentIn", .text).indexed()
            }
        }
        migrator.registerMigration("v6-receivables") { db in
            // One typed payment state per invoice, derived by Billing from the payment rows.
            try db.alter(table: "invoice") { t in
                t.add(column: "paymentState", .text).notNull().defaults(to: "issued")
                t.add(column: "cancelledOn", .text)
            }
            try db.execute(sql: """
                UPDATE invoice SET
                  paymentState = CASE status WHEN 'cancelled' THEN 'cancelled' WHEN 'reversal' THEN 'creditNote' WHEN 'paid' THEN 'paid'
                                 ELSE CASE WHEN paidCents > 0 THEN 'partiallyPaid' ELSE 'issued' END END,
                  cancelledOn = (SELECT c.issueDate FROM invoice c WHERE c.number = invoice.cancelledBy)
                """)
            try db.alter(table: "invoice") { t in t.drop(column: "status") }
            // Every movement of money is a row: kind, the customer it belongs to, what it relates to.
            try db.alter(table: "payment") { t in
                t.add(column: "kind", .text).notNull().defaults(to: "transfer")
                t.add(column: "customerId", .text).indexed()
                t.add(column: "relatesTo", .integer)
                t.add(column: "note", .text)
            }
            try db.execute(sql: """
                UPDATE payment SET
                  kind = CASE WHEN entryReference LIKE 'debit:%' THEN 'debit' WHEN entryReference LIKE 'manual:%' THEN 'manual' ELSE 'transfer' END,
                  customerId = (SELECT i.customerId FROM invoice i WHERE i.number = payment.invoiceNumber)
                """)
            // Returns booked before took the debit off the invoice without a row of their own.
            try db.execute(sql: """
                INSERT INTO payment (entryReference, kind, customerId, invoiceNumber, amountCents, bookedOn, source, createdAt)
                SELECT 'return:' || r.entryReference, 'returned', i.customerId, r.invoiceNumber, -r.amountCents, r.returnedOn, r.source, r.createdAt
                FROM bankReturn r JOIN invoice i ON i.number = r.invoiceNumber
                """)
            try db.execute(sql: "UPDATE invoice SET paidCents = (SELECT COALESCE(SUM(p.amountCents), 0) FROM payment p WHERE p.invoiceNumber = invoice.number)")
            // Months whose register must be written again (marked with the change, cleared once written).
            try db.create(table: "pendingRegister") { t in
                t.primaryKey("month", .text)
            }
        }
        migrator.registerMigration("v7-outgoing-mail") { db in
            // Every e-mail to customers, not only jobs' (invoices, dunning letters): one row per key.
            try db.create(table: "outgoingMail") { t in
                t.primaryKey("key", .text)
                t.column("kind", .text).notNull()
                t.column("reference", .text).notNull().indexed()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("messagePath", .text).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("lastError", .text)
                t.column("queuedAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("settledAt", .datetime)
                t.column("settledBy", .text)
            }
            try db.execute(sql: """
                INSERT INTO outgoingMail (key, kind, reference, recipients, subject, messagePath, state, attempts, lastError, queuedAt, sentAt)
                SELECT 'job:' || n.jobId, 'jobReady', n.jobId, coalesce(n.recipient, ''), '', n.messagePath, n.state, n.attempts, n.lastError,
                       coalesce(j.finishedAt, j.claimedAt, n.sentAt, CURRENT_TIMESTAMP), n.sentAt
                FROM notification n LEFT JOIN job j ON j.id = n.jobId
                """)
            try db.drop(table: "notification")
        }
        return migrator
    }
}
