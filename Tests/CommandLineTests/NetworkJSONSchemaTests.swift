import Foundation
import SigilTestSupport
import Testing

/// The networked commands' `--json` output, run against one local node, checked against the
/// schemas of docs/json.md: every documented key is present, nested shapes (Broadcast, Journal
/// record, receipts, rows) included; errors are one `{"error": {"code", "kind", "message"}}` line.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct NetworkJSONSchemaTests {
    @Test func networkedCommandsMatchTheirDocumentedSchema() throws {
        let docs = try NetworkSchemaDocs.load()
        let node = try DevNode()
        let home = try TemporaryDirectory()
        func run(_ arguments: [String], rpc: Bool = true) throws -> ProcessRunner.Result {
            try CLI.run("sigil", arguments + (rpc ? ["--rpc", node.url] : []) + ["--json"], environment: ["SIGIL_HOME": home.url.path])
        }
        func key(_ n: Int) throws -> String { try devKeyFile(n, in: home) }
        func address(_ n: Int) throws -> String { try devKeyAddress(n, in: home) }
        /// Runs, expects success, checks the stdout document against the row; returns it.
        @discardableResult
        func check(_ row: String, _ arguments: [String], flags: Set<String> = [], rpc: Bool = true,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
            let r = try run(arguments, rpc: rpc)
            #expect(r.status == 0, "\(arguments): \(r.stderrText)", sourceLocation: sourceLocation)
            let document = try JSONSerialization.jsonObject(with: r.stdout)
            let problems = try docs.check(document, row: row, flags: flags)
            #expect(problems.isEmpty, "\(row) \(arguments): \(problems)", sourceLocation: sourceLocation)
            return document
        }
        /// The journal's hashes for an address.
        func journaled(_ sender: String) throws -> [String] {
            let rows = try JSONSerialization.jsonObject(with: try run(["tx", "list", "--address", sender], rpc: false).stdout) as? [[String: Any]]
            return (rows ?? []).compactMap { $0["hash"] as? String }
        }

        let alice = try address(2), bob = try address(3), carol = try address(9)
        // Reads.
        try check("`chain-id`", ["chain-id"])
        try check("`nonce ADDRESS`", ["nonce", alice])
        try check("`balance ADDRESS`", ["balance", alice])
        try check("`fees`", ["fees"])
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        try check("`balance ADDRESS --token T`", ["balance", keyOneAddress, "--token", token])

        // send, with and without --wait; batches, dry run first.
        let sent = try check("`send`", ["send", "--to", carol, "--value", "1wei", "--private-key-file", try key(2), "--yes"])
        let hash = try #require((sent as? [String: Any])?["hash"] as? String)
        try check("`send`", ["send", "--to", carol, "--value", "2wei", "--private-key-file", try key(2), "--yes", "--wait"], flags: ["--wait"])
        let csv = try home.file("payouts.csv", contents: "id,to,value\nr1,\(carol),1gwei\nr2,\(bob),2gwei\n")
        try check("`send --batch`", ["send", "--batch", csv.path, "--private-key-file", try key(2), "--yes", "--dry-run"], flags: ["--dry-run"])
        try check("`send --batch`", ["send", "--batch", csv.path, "--private-key-file", try key(2), "--yes"])

        // broadcast: built online, signed offline.
        let request = home.url.appendingPathComponent("request.json").path, signed = home.url.appendingPathComponent("signed.json").path
        let built = try CLI.run("sigil", ["tx", "build", "--from", alice, "--to", carol, "--value", "5wei", "-o", request, "--rpc", node.url],
                                environment: ["SIGIL_HOME": home.url.path])
        #expect(built.status == 0, "\(built.stderrText)")
        let signing = try CLI.run("sigil", ["sign", "tx", request, "--private-key-file", try key(2), "--json", "-o", signed])
        #expect(signing.status == 0, "\(signing.stderrText)")
        try check("`broadcast`, `tx rebroadcast`", ["broadcast", signed])

        // The journal.
        try check("`tx list`", ["tx", "list"], rpc: false)
        try check("`tx status`", ["tx", "status", hash])
        try check("`broadcast`, `tx rebroadcast`", ["tx", "rebroadcast", hash])

        // bump and cancel: a send below the base fee is journaled, refused by the node (a JSON error,
        // exit 6), then replaced at the same nonce with fees that pass.
        for command in ["bump", "cancel"] {
            let before = Set(try journaled(bob))
            let stuck = try run(["send", "--to", carol, "--value", "1wei", "--max-fee", "1wei", "--priority-fee", "1wei",
                                 "--private-key-file", try key(3), "--yes"])
            try expectJSONError(stuck, status: 6, kind: "network")
            let stuckHash = try #require(try journaled(bob).first { !before.contains($0) }, "the refused send is journaled")
            try check("`tx bump`, `tx cancel`", ["tx", command, stuckHash, "--max-fee", "50gwei", "--priority-fee", "2gwei",
                                                 "--private-key-file", try key(3), "--yes"])
        }

        // Network failures: nothing on stdout, the error object on stderr.
        for arguments in [["balance", alice], ["chain-id"], ["nonce", alice], ["fees"]] {
            let r = try CLI.run("sigil", arguments + ["--rpc", "http://127.0.0.1:9", "--json"], environment: ["SIGIL_HOME": home.url.path])
            try expectJSONError(r, status: 6, kind: "network")
        }
        try expectJSONError(try run(["tx", "status", "0x" + String(repeating: "ab", count: 32)], rpc: false), status: 66, kind: "not-found")
    }

    /// A failure with `--json`: the exit status, nothing on stdout, and the error object as the
    /// last line of stderr (commands that preview print the preview and the peers' answers first).
    func expectJSONError(_ r: ProcessRunner.Result, status: Int32, kind: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(r.status == status, "\(r.stderrText)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "stdout: \(r.stdoutText)", sourceLocation: sourceLocation)
        let last = try #require(r.stderrText.split(separator: "\n").last, sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any], "\(last)", sourceLocation: sourceLocation)
        // `reason` only for a transaction every peer refused (docs/json.md).
        #expect(Set(error.keys).subtracting(["reason"]) == ["code", "kind", "message"], sourceLocation: sourceLocation)
        if let reason = error["reason"] {
            #expect(status == 6 && (reason as? String).map { $0.range(of: "^[a-z-]+$", options: .regularExpression) != nil } == true,
                    "\(reason)", sourceLocation: sourceLocation)
        }
        #expect(error["code"] as? Int == Int(status), sourceLocation: sourceLocation)
        #expect(error["kind"] as? String == kind, sourceLocation: sourceLocation)
        #expect((error["message"] as? String).map { !$0.isEmpty && !$0.contains("\n") } == true, sourceLocation: sourceLocation)
    }
}

/// The schemas of docs/json.md as the tests read them: a row's cell is alternatives separated by
/// `;` (the first without a flag is the default, one naming `--flag` applies with that flag),
/// each a sum of parts joined by `+` (a part naming `--flag` applies only with it). A part is
/// `{"key", "key": VALUE, …}`, `array of …`, or a named shape such as **Broadcast**, whose
/// definition is the paragraph `**Name**: {…}`. Values that are `{…}`, `[{…}]` or a shape name
/// are checked recursively; other values (placeholders in capitals, examples) only for presence.
struct NetworkSchemaDocs {
    indirect enum Shape {
        case object([(key: String, value: Shape?)])
        case array(Shape)
        case named(String)
    }
    struct Part {
        let condition: String?
        let shape: Shape
    }

    let rows: [String: [[Part]]]
    let shapes: [String: Shape]

    static func load() throws -> NetworkSchemaDocs {
        let text = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var shapes: [String: Shape] = [:]
        for paragraph in text.components(separatedBy: "\n\n") where paragraph.hasPrefix("**") {
            let flat = paragraph.replacingOccurrences(of: "\n", with: " ")
            guard let close = flat.range(of: "**: `{", range: flat.index(flat.startIndex, offsetBy: 2)..<flat.endIndex) else { continue }
            let name = String(flat[flat.index(flat.startIndex, offsetBy: 2)..<close.lowerBound])
            var scanner = Scanner(Array(flat[flat.index(before: close.upperBound)...]))
            shapes[name] = scanner.object()
        }
        let names = shapes.keys.sorted { $0.count > $1.count }
        var rows: [String: [[Part]]] = [:]
        for raw in text.split(separator: "\n") where raw.hasPrefix("| `") {
            let cells = raw.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let cell = cells[1].replacingOccurrences(of: "`", with: "")
            rows[cells[0]] = Scanner.split(cell, at: ";").map { alternative in
                Scanner.split(alternative, at: "+").compactMap { part(of: $0, names: names) }
            }.filter { !$0.isEmpty }
        }
        return NetworkSchemaDocs(rows: rows, shapes: shapes)
    }

    /// One `+` term: its flag (a `--flag` before the shape), `array of`, then `{…}` or a shape name.
    static func part(of term: String, names: [String]) -> Part? {
        let brace = term.firstIndex(of: "{")
        let named = names.compactMap { name in term.range(of: name).map { (name, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
        let start: String.Index
        var shape: Shape
        if let brace, named.map({ brace < $0.1.lowerBound }) ?? true {
            var scanner = Scanner(Array(term[brace...]))
            start = brace
            shape = scanner.object()
        } else if let named {
            start = named.1.lowerBound
            shape = .named(named.0)
        } else {
            return nil
        }
        let prefix = term[..<start]
        if prefix.contains("array of") { shape = .array(shape) }
        let condition = prefix.range(of: #"--[a-z-]+"#, options: .regularExpression).map { String(prefix[$0]) }
        return Part(condition: condition, shape: shape)
    }

    /// Problems of `document` against the row (empty: it matches).
    func check(_ document: Any, row: String, flags: Set<String>) throws -> [String] {
        let alternatives = try #require(rows[row], "docs/json.md has no row \(row)")
        let chosen = alternatives.first { $0.first?.condition.map(flags.contains) == true }
            ?? alternatives.first { $0.first?.condition == nil }
        let parts = try #require(chosen, "\(row): no alternative for \(flags)")
        var problems: [String] = []
        for part in parts where part.condition.map(flags.contains) ?? true {
            check(document, part.shape, path: "$", problems: &problems)
        }
        return problems
    }

    private func check(_ value: Any, _ shape: Shape, path: String, problems: inout [String]) {
        switch shape {
        case .named(let name):
            guard let definition = shapes[name] else { return problems.append("\(path): docs define no shape \(name)") }
            check(value, definition, path: path, problems: &problems)
        case .array(let element):
            guard let array = value as? [Any] else { return problems.append("\(path): not an array") }
            if array.isEmpty { problems.append("\(path): empty array, nothing checked") }
            for (i, item) in array.enumerated() { check(item, element, path: "\(path)[\(i)]", problems: &problems) }
        case .object(let keys):
            guard let object = value as? [String: Any] else { return problems.append("\(path): not an object") }
            for (key, inner) in keys {
                guard let member = object[key] else { problems.append("\(path).\(key): missing"); continue }
                if let inner, !(member is NSNull) { check(member, inner, path: "\(path).\(key)", problems: &problems) }
            }
        }
    }

    /// A cursor over documentation text.
    struct Scanner {
        var characters: [Character]
        var index = 0
        init(_ characters: [Character]) { self.characters = characters }

        /// Splits at `separator` outside (), [], {} and quotes.
        static func split(_ text: String, at separator: Character) -> [String] {
            var parts: [String] = [], current = "", depth = 0, quoted = false
            for c in text {
                if c == "\"" { quoted.toggle() }
                if !quoted { if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 } }
                if c == separator && depth == 0 && !quoted { parts.append(current); current = "" } else { current.append(c) }
            }
            return parts + [current]
        }

        var current: Character? { index < characters.count ? characters[index] : nil }
        mutating func skipSpaces() { while let c = current, c == " " { index += 1 } }

        /// `{"key", "key": VALUE, …}` from the `{` under the cursor.
        mutating func object() -> Shape {
            var keys: [(key: String, value: Shape?)] = []
            index += 1
            while let c = current, c != "}" {
                guard c == "\"" else { index += 1; continue }
                index += 1
                var key = ""
                while let k = current, k != "\"" { key.append(k); index += 1 }
                index += 1
                skipSpaces()
                var value: Shape?
                if current == ":" {
                    index += 1
                    skipSpaces()
                    value = self.value()
                }
                keys.append((key, value))
                skipToSeparator()
                if current == "," { index += 1 }
            }
            index += 1
            return .object(keys)
        }

        /// A value: `{…}`, `[{…}]`, or a word (a shape name when one is defined, see `named`).
        mutating func value() -> Shape? {
            if current == "{" { return object() }
            if current == "[" {
                index += 1
                skipSpaces()
                return current == "{" ? .array(object()) : nil
            }
            var word = ""
            while let c = current, c != ",", c != "}", c != "\"" { word.append(c); index += 1 }
            let name = word.trimmingCharacters(in: .whitespaces)
            // "Broadcast", "Journal record": a shape; "ADDRESS", "FILE_PATH or null": a placeholder.
            let isShape = name.first?.isUppercase == true && name.contains(where: \.isLowercase) && name.allSatisfy { $0.isLetter || $0 == " " }
            return isShape ? .named(name) : nil
        }

        /// Moves to the `,` or `}` that ends the current member (skipping "or null", quoted values, nested brackets).
        mutating func skipToSeparator() {
            var depth = 0, quoted = false
            while let c = current {
                if c == "\"" { quoted.toggle() }
                if !quoted {
                    if "[({".contains(c) { depth += 1 } else if ")]".contains(c) || (c == "}" && depth > 0) { depth -= 1 }
                    else if depth == 0 && (c == "," || c == "}") { return }
                }
                index += 1
            }
        }
    }
}
