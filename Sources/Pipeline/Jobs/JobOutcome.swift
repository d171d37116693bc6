/// How one job ended in this run.
public enum JobOutcome: Sendable {
    /// All stages done.
    case done(jobId: String)
    /// The file was moved to `rejected/` with a note.
    case rejected(jobId: String, file: String, message: String)
    /// An unexpected error; the job stays at its stage and the next run resumes it.
    case failed(jobId: String, file: String, message: String)
}
