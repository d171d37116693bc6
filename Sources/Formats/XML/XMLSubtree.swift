import CLibXML2

/// An element expanded by ``XMLStreamReader``, read by paths of child names
/// like a small XPath (`first("BkTxCd", "Domn", "Cd")` is
/// `BkTxCd/Domn/Cd`): names are local names in the element's own namespace,
/// and a path finds its first match in document order. Each lookup walks only
/// the children on its path. Valid until the reader moves on.
public struct XMLSubtree {
    let node: xmlNodePtr

    public var localName: String { String(cString: node.pointee.name) }

    /// The first element at `path` below this one, nil when there is none.
    public func first(_ path: String...) -> XMLSubtree? { first(path[...]) }

    /// ``first(_:)`` with the path as an array.
    public func first(path: [String]) -> XMLSubtree? { first(path[...]) }

    /// Every element at `path` below this one, in document order.
    public func all(_ path: String...) -> [XMLSubtree] {
        var found: [XMLSubtree] = []
        collect(path[...], into: &found)
        return found
    }

    /// The text of the first element at `path` (all text below it, joined), nil when there is none.
    public func text(_ path: String...) -> String? { first(path[...])?.text }

    /// All text below this element, joined.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { robinson_xml_free(content) }
        return String(cString: content)
    }

    /// The attribute `name` (without namespace), nil when absent.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { robinson_xml_free(value) }
        return String(cString: value)
    }

    /// The first attribute named `localName` that has a namespace (`r:id`), nil when absent.
    public func namespacedAttribute(_ localName: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns != nil,
               localName.withCString({ xmlStrEqual(current.pointee.name, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 }),
               let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                defer { robinson_xml_free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The element's child elements in the same namespace, in order.
    public var children: [XMLSubtree] {
        var result: [XMLSubtree] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, sameNamespace(current) { result.append(XMLSubtree(node: current)) }
            child = current.pointee.next
        }
        return result
    }

    private func first(_ path: ArraySlice<String>) -> XMLSubtree? {
        guard let name = path.first else { return self }
        var child = node.pointee.children
        while let current = child {
            if matches(current, name), let found = XMLSubtree(node: current).first(path.dropFirst()) { return found }
            child = current.pointee.next
        }
        return nil
    }

    private func collect(_ path: ArraySlice<String>, into found: inout [XMLSubtree]) {
        guard let name = path.first else { return found.append(self) }
        var child = node.pointee.children
        while let current = child {
            if matches(current, name) { XMLSubtree(node: current).collect(path.dropFirst(), into: &found) }
            child = current.pointee.next
        }
    }

    private func matches(_ candidate: xmlNodePtr, _ name: String) -> Bool {
        candidate.pointee.type == XML_ELEMENT_NODE
            && name.withCString { xmlStrEqual(candidate.pointee.name, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 }
            && sameNamespace(candidate)
    }

    private func sameNamespace(_ candidate: xmlNodePtr) -> Bool {
        let own = node.pointee.ns?.pointee.href, other = candidate.pointee.ns?.pointee.href
        if own == other { return true }
        guard let own, let other else { return false }
        return xmlStrEqual(own, other) != 0
    }
}
