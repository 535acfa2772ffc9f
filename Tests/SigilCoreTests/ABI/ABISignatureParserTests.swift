import SigilCore
import SigilTestSupport
import Testing

@Suite struct ABISignatureParserTests {
    @Test(arguments: [
        ("transfer(address,uint256)", "transfer(address,uint256)"),
        ("transfer(address to, uint256 amount)", "transfer(address,uint256)"),
        ("  function  transfer ( address to , uint amount ) external returns (bool) ", "transfer(address,uint256)"),
        ("balanceOf(address)(uint256)", "balanceOf(address)"),
        ("f(uint256,(address,uint256)[],bytes32[2])", "f(uint256,(address,uint256)[],bytes32[2])"),
        ("f(tuple(address a, uint b)[] memory xs, byte c, int d)", "f((address,uint256)[],bytes1,int256)"),
        ("f(string calldata s, address payable p)", "f(string,address)"),
        ("deposit()", "deposit()"),
        ("function(uint8)", "function(uint8)"),
        ("g(uint256[][],string[])", "g(uint256[][],string[])"),
        ("h(((uint8)[2][])[3])", "h(((uint8)[2][])[3])"),
    ])
    func canonicalSignatures(input: String, canonical: String) throws {
        #expect(try ABIFunction(parsing: input).signature == canonical)
    }

    @Test func namesAndOutputs() throws {
        let f = try ABIFunction(parsing: "function allowance(address owner, address spender) view returns (uint256 remaining)")
        #expect(f.name == "allowance")
        #expect(f.inputs.map(\.name) == ["owner", "spender"])
        #expect(f.outputs == [ABIParameter(name: "remaining", type: .uint(bits: 256))])
        let cast = try ABIFunction(parsing: "balanceOf(address)(uint256,bool)")
        #expect(cast.outputTypes == [.uint(bits: 256), .bool])
        #expect(try ABISignatureParser.parseFunction("(uint256,address)", requireName: false).inputTypes == [.uint(bits: 256), .address])
    }

    @Test func typeModel() throws {
        let t = try ABIType(parsing: "(uint8,bytes32[3])[2]")
        #expect(!t.isDynamic)
        #expect(t.headSize == 2 * (32 + 3 * 32))
        let d = try ABIType(parsing: "(uint8,string)[2]")
        #expect(d.isDynamic && d.headSize == 32)
        #expect(try ABIType(parsing: "uint") == .uint(bits: 256))
        #expect(try ABIType(parsing: "bytes") == .bytes)
        #expect(try ABIType(parsing: " uint8 [ ] [ 2 ] ") == .fixedArray(.array(.uint(bits: 8)), count: 2))
    }

    @Test(arguments: [
        ("transfer(uint257)", "unknown type 'uint257' at position 9"),
        ("transfer(uint7)", "unknown type 'uint7' at position 9"),
        ("f(bytes33)", "unknown type 'bytes33' at position 2"),
        ("f(uint08)", "unknown type 'uint08' at position 2"),
        ("f(address", "unbalanced parentheses: '(' at position 1 is never closed at position 9"),
        ("f(address))", "unexpected ')' after the signature at position 10"),
        ("f(uint256,)", "expected a type but found ')' at position 10"),
        ("f(,uint256)", "expected a type but found ',' at position 2"),
        ("(uint256)", "missing function name before '(' at position 0"),
        ("", "missing function name at position 0"),
        ("transfer", "expected '(' after the function name, found the end at position 8"),
        ("f(uint256[0])", "invalid array size '0' (must be 1 or more, without leading zeros) at position 10"),
        ("f(uint256[2)", "expected digits or ']' in array size, found ')' at position 11"),
        ("f(())", "empty tuple type '()' at position 2"),
        ("f(address a b)", "unexpected 'b' after parameter name 'a' at position 12"),
        ("f(fixed128x18)", "unsupported type 'fixed128x18' at position 2"),
        ("f(uint256[16777216][2])", "type 'uint256[16777216]' is larger than 16777216 bytes at position 2"),
        ("f(uint8) returns uint8", "expected '(' after 'returns', found 'u' at position 17"),
    ])
    func errorsSayWhatAndWhere(input: String, message: String) {
        do {
            _ = try ABIFunction(parsing: input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.description == message)
            if case .unsupportedType = error { #expect(error.category == .unsupported) } else { #expect(error.category == .invalidInput) }
        }
    }

    @Test func deepNestingIsLimited() {
        let deep = "f(" + String(repeating: "(", count: 40) + "uint8" + String(repeating: ")", count: 40) + ")"
        #expect(throws: ABIError.self) { try ABIFunction(parsing: deep) }
        let arrays = "f(uint8" + String(repeating: "[]", count: 40) + ")"
        #expect(throws: ABIError.self) { try ABIFunction(parsing: arrays) }
    }
}
