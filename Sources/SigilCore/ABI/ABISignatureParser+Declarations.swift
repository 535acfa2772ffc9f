extension ABISignatureParser {
    /// Parses an event declaration: `Transfer(address indexed from, address indexed to, uint256 value)`,
    /// with or without parameter names, an optional leading `event` keyword, and an optional
    /// trailing `anonymous`. A non-anonymous event may index at most 3 parameters, an
    /// anonymous one 4.
    public static func parseEvent(_ text: String) throws(ABIError) -> ABIEvent {
        var cursor = SignatureCursor(text)
        let name = try declarationName(&cursor, keyword: "event", what: "event")
        let marked = try markedParameterList(&cursor, depth: 0)
        cursor.skipSpace()
        var anonymous = false
        if cursor.peekIdentifier() == "anonymous" {
            _ = cursor.readIdentifier()
            anonymous = true
            cursor.skipSpace()
        }
        guard cursor.atEnd else {
            throw .invalidSignature("unexpected \(cursor.found) after the event's parameters", position: cursor.index)
        }
        let inputs = marked.map { ABIEvent.Parameter(name: $0.parameter.name, type: $0.parameter.type, indexed: $0.indexed) }
        let indexedCount = inputs.filter(\.indexed).count
        let limit = anonymous ? 4 : 3
        guard indexedCount <= limit else {
            throw .invalidSignature("\(anonymous ? "an anonymous" : "an") event can index at most \(limit) parameters, this one indexes \(indexedCount)", position: 0)
        }
        return ABIEvent(name: name, inputs: inputs, anonymous: anonymous)
    }

    /// Parses a custom error declaration: `InsufficientBalance(uint256 available, uint256 required)`,
    /// names optional, with an optional leading `error` keyword.
    public static func parseError(_ text: String) throws(ABIError) -> ABIErrorSignature {
        var cursor = SignatureCursor(text)
        let name = try declarationName(&cursor, keyword: "error", what: "error")
        let inputs = try parameterList(&cursor, depth: 0)
        cursor.skipSpace()
        guard cursor.atEnd else {
            throw .invalidSignature("unexpected \(cursor.found) after the error's parameters", position: cursor.index)
        }
        return ABIErrorSignature(name: name, inputs: inputs)
    }

    /// Skips an optional `keyword`, reads the name and leaves the cursor on the `(`.
    private static func declarationName(_ cursor: inout SignatureCursor, keyword: String, what: String) throws(ABIError) -> String {
        cursor.skipSpace()
        if cursor.peekIdentifier() == keyword {
            let saved = cursor.index
            _ = cursor.readIdentifier()
            cursor.skipSpace()
            if cursor.peekIdentifier() == nil { cursor.index = saved }
        }
        let start = cursor.index
        guard let name = cursor.readIdentifier() else {
            throw .invalidSignature(cursor.atEnd ? "missing \(what) name" : "missing \(what) name before \(cursor.found)", position: start)
        }
        guard !name.first!.isNumber else { throw .invalidSignature("invalid \(what) name '\(name)'", position: start) }
        cursor.skipSpace()
        guard cursor.peek == "(" else {
            throw .invalidSignature("expected '(' after the \(what) name, found \(cursor.found)", position: cursor.index)
        }
        return name
    }
}
