@testable import Matching

/// Runs one byte path of `ContactBytes` on `text`: `body` gets a fresh keyer part
/// and output buffer and says whether it took the value; the output, or nil.
func contactBytesValue(_ text: String, _ body: (inout ContactBytes, UnsafeBufferPointer<UInt8>, inout ScratchBuffer<UInt8>) -> Bool) -> String? {
    var contacts = ContactBytes()
    var out = ScratchBuffer<UInt8>(capacity: 16)
    defer {
        contacts.release()
        out.release()
    }
    let bytes = Array(text.utf8)
    let taken = bytes.withUnsafeBufferPointer { body(&contacts, $0, &out) }
    return taken ? String(decoding: out.buffer, as: UTF8.self) : nil
}
