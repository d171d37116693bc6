import CLibXML2
import Foundation
import Testing
import Formats
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The streaming XML reader under bank files and workbook parts.
@Suite struct XMLStreamReaderTests {
    /// Found by the fuzz target of the bank files: asking the reader whether
    /// the document has a DTD made the document (and its dictionary of names)
    /// ours to free, and it was never freed: every file read leaked it.
    @Test func readingAFileFreesEverythingLibxml2Allocated() throws {
        let path = try TemporaryFolders.make("robinson-xml") + "/statement.xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entries = (1...50).map { "<Ntry><Amt Ccy=\"EUR\">\($0).00</Amt><Ref>E2E-\($0)</Ref></Ntry>" }.joined()
        try Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:example\">\(entries)</Document>".utf8)
            .write(to: URL(fileURLWithPath: path))
        func readAll() throws {
            let reader = try XMLStreamReader(path: path)
            var amounts = 0
            while let element = try reader.next() {
                if element.localName == "Amt" { amounts += 1 }
            }
            #expect(amounts == 50)
        }
        try readAll()  // libxml2's per-thread and global state, allocated once
        let leaked = try LibXMLAllocations.counting { for _ in 0..<20 { try readAll() } }
        #expect(leaked == 0, "20 reads left \(leaked) bytes allocated by libxml2")
    }
}

/// Counts the bytes libxml2 allocates and frees on the calling thread (other
/// tests use libxml2 on other threads at the same time) through xmlMemSetup;
/// the memory itself still comes from malloc, so swapping the functions while
/// other threads use libxml2 is safe.
private enum LibXMLAllocations {
    nonisolated(unsafe) static var thread = pthread_t()
    nonisolated(unsafe) static var live = 0
    static let lock = NSLock()

    private static func count(_ pointer: UnsafeMutableRawPointer?, _ sign: Int) {
        guard let pointer, pthread_equal(pthread_self(), thread) != 0 else { return }
        live += sign * mallocUsableSize(pointer)
    }

    /// Bytes allocated by libxml2 during `body` and not freed by its end.
    static func counting(_ body: () throws -> Void) rethrows -> Int {
        lock.lock()
        defer { lock.unlock() }
        var free: xmlFreeFunc?, malloc: xmlMallocFunc?, realloc: xmlReallocFunc?, strdup: xmlStrdupFunc?
        xmlMemGet(&free, &malloc, &realloc, &strdup)
        thread = pthread_self()
        live = 0
        xmlMemSetup(
            { pointer in LibXMLAllocations.count(pointer, -1); Glibc.free(pointer) },
            { size in let pointer = Glibc.malloc(size); LibXMLAllocations.count(pointer, 1); return pointer },
            { old, size in
                LibXMLAllocations.count(old, -1)
                let pointer = Glibc.realloc(old, size)
                LibXMLAllocations.count(pointer, 1)
                return pointer
            },
            { text in
                let copy = Glibc.strdup(text!)
                LibXMLAllocations.count(copy, 1)
                return copy
            })
        defer { xmlMemSetup(free, malloc, realloc, strdup) }
        try body()
        return live
    }
}

/// glibc's malloc_usable_size(3) (malloc.h is not in the Glibc module).
@_silgen_name("malloc_usable_size")
private func mallocUsableSize(_ pointer: UnsafeMutableRawPointer?) -> Int
