import SigilCore
import SigilTestSupport
import Testing

/// Malformed documents: each is refused with the exact path and reason.
@Suite struct TypedDataErrorTests {
    static let types = """
    "EIP712Domain":[{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],
    "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
    "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"},{"name":"value","type":"uint256"},{"name":"tag","type":"bytes4"},{"name":"delta","type":"int8"}]
    """
    static let from = #"{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"}"#

    /// A Mail document with `to`, `value`, `tag` and `delta` replaced as given (JSON text).
    static func mail(to: String = #"{"name":"Bob","wallet":"0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}"#,
                     value: String = "1", tag: String = #""0x01020304""#, delta: String = "-128",
                     types: String = types, extra: String = "") -> String {
        """
        {"types":{\(types)},"primaryType":"Mail","domain":{"name":"Ether Mail","chainId":"1"},
         "message":{"from":\(from),"to":\(to),"contents":"hi","value":\(value),"tag":\(tag),"delta":\(delta)\(extra)}}
        """
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try TypedData(parsing: text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func baselineIsValid() throws {
        let typed = try TypedData(parsing: Self.mail())
        #expect(typed.summary.first { $0.path == "message.delta" }?.display == "-128")
        #expect(typed.summary.first { $0.path == "domain.chainId" }?.display == "1")
    }

    @Test func badValues() {
        #expect(error(Self.mail(to: #"{"name":"Bob","wallet":"xyz"}"#))
            == "message.to.wallet: expected an address, got 'xyz' (address must start with 0x)")
        #expect(error(Self.mail(to: #"{"name":"Bob","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827"}"#))?
            .hasPrefix("message.to.wallet: expected an address, got '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827' (address has an invalid EIP-55 checksum") == true)
        #expect(error(Self.mail(value: "115792089237316195423570985008687907853269984665640564039457584007913129639936"))
            == "message.value: '115792089237316195423570985008687907853269984665640564039457584007913129639936' does not fit uint256")
        #expect(error(Self.mail(value: "-1")) == "message.value: negative value '-1' does not fit uint256")
        #expect(error(Self.mail(value: "1.5")) == "message.value: expected an integer for uint256, got '1.5' (no fractions or exponents)")
        #expect(error(Self.mail(value: "1e3")) == "message.value: expected an integer for uint256, got '1e3' (no fractions or exponents)")
        #expect(error(Self.mail(value: #""12abc""#)) == "message.value: expected an integer for uint256, got '12abc'")
        #expect(error(Self.mail(value: "true")) == "message.value: expected an integer for uint256, got true")
        #expect(error(Self.mail(delta: "-129")) == "message.delta: '-129' does not fit int8 (range -2^7 to 2^7-1)")
        #expect(error(Self.mail(delta: "128")) == "message.delta: '128' does not fit int8 (range -2^7 to 2^7-1)")
        #expect(error(Self.mail(tag: #""0x010203""#)) == "message.tag: expected bytes4 (4 bytes), got 3 bytes")
        #expect(error(Self.mail(tag: #""0x0102030405""#)) == "message.tag: expected bytes4 (4 bytes), got 5 bytes")
        #expect(error(Self.mail(tag: #""01020304""#))?.hasPrefix("message.tag: expected 0x-prefixed hex for bytes4, got '01020304'") == true)
        #expect(error(Self.mail(to: "null")) == "message.to: expected an object for Person, got null")
        #expect(error(Self.mail(to: #"[]"#)) == "message.to: expected an object for Person, got an array")
    }

    @Test func missingExtraAndDuplicateFields() {
        #expect(error(Self.mail(to: #"{"name":"Bob"}"#)) == "message.to.wallet: missing field of type address")
        #expect(error(Self.mail(extra: #","cc":[]"#)) == "message.cc: field not in type Mail")
        // The JSON parser already refuses repeated keys; a JSONValue built in code can still have them.
        #expect(error(Self.mail(extra: #","value":2"#)) == "invalid JSON at byte 666: duplicate key \"value\"")
        let repeated = JSONValue.object([("types", .object([("P", .array([]))])), ("primaryType", .string("P")),
                                         ("domain", .object([])), ("message", .object([])), ("domain", .object([]))])
        #expect(throws: TypedDataError(path: "domain", reason: "duplicate key")) { try TypedData(json: repeated) }
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Person","domain":{},"message":"hi"}"#)
            == "message: expected an object for Person, got the string 'hi'")
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Person","domain":{}}"#) == "message: missing")
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Person","domain":{},"message":{},"extra":1}"#)
            == "extra: unknown top-level key (expected types, primaryType, domain and message)")
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Nobody","domain":{},"message":{}}"#)
            == "primaryType: unknown type 'Nobody' (not defined in types)")
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Person","domain":{"chain":1},"message":{}}"#)
            == "domain.chain: unknown domain field (expected name, version, chainId, verifyingContract or salt, or declare types.EIP712Domain)")
        #expect(error(#"{"types":{"Person":[]},"primaryType":"Person","domain":[],"message":{}}"#) == "domain: expected an object, got an array")
        #expect(error("[1]") == "typed data must be a JSON object, got an array")
        #expect(error("{") != nil)
    }

    @Test func badTypes() {
        let mailTypes = Self.types.replacingOccurrences(of: #""to","type":"Person""#, with: #""to","type":"Persn""#)
        #expect(error(Self.mail(types: mailTypes)) == "types.Mail[1].type: unknown type 'Persn'")
        for (type, reason) in [("uint7", "unknown type 'uint7'"), ("uint", "unknown type 'uint'"), ("bytes33", "unknown type 'bytes33'"),
                               ("int264", "unknown type 'int264'"), ("uint08", "unknown type 'uint08'"),
                               ("Person[0]", "invalid array length in type 'Person[0]' (expected a number from 1 without leading zeros)"),
                               ("bool" + String(repeating: "[]", count: 9), "more than 8 array dimensions in type 'bool[][][][][][][][][]'"),
                               ("Person]", "unbalanced ']' in type 'Person]'"), ("Per son", "control or space character in type 'Per son'")] {
            let changed = Self.types.replacingOccurrences(of: #""contents","type":"string""#, with: #""contents","type":"\#(type)""#)
            #expect(error(Self.mail(types: changed)) == "types.Mail[2].type: \(reason)", "\(type)")
        }
        #expect(error(#"{"types":{"P":[{"name":"a","type":"string"},{"name":"a","type":"bool"}]},"primaryType":"P","domain":{},"message":{}}"#)
            == "types.P[1].name: duplicate field name 'a'")
        #expect(error(#"{"types":{"P":[{"name":"a","type":"string","x":1}]},"primaryType":"P","domain":{},"message":{}}"#)
            == "types.P[0].x: unknown key (a field has only name and type)")
        #expect(error(#"{"types":{"P":[{"name":"a"}]},"primaryType":"P","domain":{},"message":{}}"#) == "types.P[0].type: missing")
        #expect(error(#"{"types":{"uint256":[]},"primaryType":"uint256","domain":{},"message":{}}"#)
            == "types.uint256: type name 'uint256' is reserved for an atomic type")
        #expect(error(#"{"types":{"P":{}},"primaryType":"P","domain":{},"message":{}}"#) == "types.P: expected an array of {name, type}, got an object")
    }

    @Test func recursion() throws {
        // A cycle that only an infinite value could satisfy is refused with its path.
        #expect(error(#"{"types":{"Person":[{"name":"g","type":"Group"}],"Group":[{"name":"p","type":"Person[2]"}]},"primaryType":"Person","domain":{},"message":{}}"#)
            == "types: cyclic type reference Person → Group → Person with no dynamic array on the way: no finite value can satisfy it")
        #expect(error(#"{"types":{"Node":[{"name":"next","type":"Node"}]},"primaryType":"Node","domain":{},"message":{}}"#)
            == "types: cyclic type reference Node → Node with no dynamic array on the way: no finite value can satisfy it")
        // Recursion through a dynamic array is legal EIP-712 (a tree).
        let tree = #"{"types":{"Node":[{"name":"v","type":"uint8"},{"name":"kids","type":"Node[]"}]},"primaryType":"Node","domain":{},"message":{"v":1,"kids":[{"v":2,"kids":[]},{"v":3,"kids":[{"v":4,"kids":[]}]}]}}"#
        let typed = try TypedData(parsing: tree)
        #expect(typed.encodeType("Node") == "Node(uint8 v,Node[] kids)")
        // Values nested beyond the limit are refused with a clear error, not a crash.
        var deep = #"{"v":0,"kids":[]}"#
        for _ in 0..<40 { deep = #"{"v":0,"kids":[\#(deep)]}"# }
        let text = #"{"types":{"Node":[{"name":"v","type":"uint8"},{"name":"kids","type":"Node[]"}]},"primaryType":"Node","domain":{},"message":\#(deep)}"#
        let description = try #require(error(text))
        #expect(description.hasSuffix(": nested deeper than 64 levels"))
        #expect(description.hasPrefix("message.kids[0].kids[0]."))
    }

    @Test func domainAsPrimaryType() throws {
        let base = #"{"types":{"EIP712Domain":[{"name":"name","type":"string"}]},"primaryType":"EIP712Domain","domain":{"name":"D"}"#
        let typed = try TypedData(parsing: base + "}")
        #expect(typed.messageHash == nil)
        #expect(typed.signingHash == Keccak256.hash([0x19, 0x01] + typed.domainSeparator))
        #expect(try TypedData(parsing: base + #","message":{}}"#).signingHash == typed.signingHash)
        #expect(error(base + #","message":{"name":"D"}}"#)
            == "message: must be absent or {} when primaryType is EIP712Domain (only the domain is signed)")
    }

    @Test func errorsAreInvalidInput() {
        #expect(TypedDataError(path: "a", reason: "b").category == .invalidInput)
    }
}
