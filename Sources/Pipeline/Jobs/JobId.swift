import Foundation

/// Job ids sort by claim time and stay unique across concurrent runners:
/// `20261123-194500-3fa2c1` (UTC time, then random).
enum JobId {
    static func make(at date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var p = tm()
        gmtime_r(&time, &p)
        let random = UInt32.random(in: 0..<0x100_0000)
        return String(format: "%04d%02d%02d-%02d%02d%02d-%06x", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec, random)
    }
}
