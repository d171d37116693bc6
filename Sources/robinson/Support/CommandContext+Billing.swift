import Billing
import Pipeline

extension CommandContext {
    /// The billing commands' context: same root, database, clock and actor as the pipeline.
    func billing() throws -> BillingContext {
        let runtime = try runtime()
        return BillingContext(
            database: runtime.database, folder: root.billing, lockFile: root.state + "/billing.lock",
            settings: billingSettings, rendering: try StandardInvoiceRendering(schemaPath: billingSettings.xrechnungSchema),
            clock: clock, actor: Self.actor, workers: settings.workers,
            mailQueue: billingSettings.mailDocuments ? runtime.mailQueue : nil)
    }
}
