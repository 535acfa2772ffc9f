import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The shared conformance vectors (read in place) and well-known answers.
@Suite struct ABIConformanceTests {
    @Test(TestEnvironment.vectorsTrait)
    func ethereumTestsBasicABI() throws {
        let cases = try Vectors.cases("abi_basic_abi_tests.json")
        #expect(cases.count == 3)
        for (name, raw) in cases.sorted(by: { $0.key < $1.key }) {
            let test = try #require(raw as? [String: Any])
            let types = try (test["types"] as! [String]).map { try ABIType(parsing: $0) }
            let args = test["args"] as! [Any]
            let values = try zip(args, types).map { try ABITestSupport.value(fromJSON: $0, type: $1, asciiBytes: true) }
            let expected = ABITestSupport.bytes(test["result"] as! String)
            #expect(try ABIEncoder.encode(values, as: types) == expected, "\(name) encode")
            #expect(try ABIDecoder.decode(expected, as: types) == values, "\(name) decode")
        }
    }

    @Test(TestEnvironment.vectorsTrait)
    func soliditySpecExamples() throws {
        let file = try #require(try Vectors.json("abi_solidity_spec_examples.json") as? [String: Any])
        let tests = try #require(file["tests"] as? [[String: Any]])
        #expect(tests.count == 5)
        for test in tests {
            let id = test["id"] as! String
            let function = try ABIFunction(parsing: test["signature"] as! String)
            #expect(function.signature == test["signature"] as! String, "\(id)")
            #expect(Hex.encode(function.selector) == test["selector"] as! String, "\(id) selector")
            let types = try (test["types"] as! [String]).map { try ABIType(parsing: $0) }
            #expect(types == function.inputTypes, "\(id)")
            let values = try zip(test["args"] as! [Any], types).map { try ABITestSupport.value(fromJSON: $0, type: $1, asciiBytes: false) }
            let calldata = ABITestSupport.bytes(test["calldata"] as! String)
            #expect(try ABIEncoder.encode(values, as: types) == Array(calldata[4...]), "\(id) encoding")
            #expect(try function.encodeCall(values) == calldata, "\(id) calldata")
            #expect(try function.decodeCall(calldata) == values, "\(id) decode")
            if let example = test["return_example"] as? [String: Any] {
                let outputTypes = try (example["types"] as! [String]).map { try ABIType(parsing: $0) }
                let outputs = try zip(example["values"] as! [Any], outputTypes).map { try ABITestSupport.value(fromJSON: $0, type: $1, asciiBytes: false) }
                let encoded = ABITestSupport.bytes(example["encoded"] as! String)
                let withOutputs = ABIFunction(name: function.name, inputs: function.inputs, outputs: outputTypes.map { ABIParameter(type: $0) })
                #expect(try withOutputs.encodeOutput(outputs) == encoded, "\(id) return encoding")
                #expect(try withOutputs.decodeOutput(encoded) == outputs, "\(id) return decode")
            }
        }
    }

    @Test func wellKnownSelectors() throws {
        let known = [
            ("transfer(address,uint256)", "0xa9059cbb"),
            ("balanceOf(address)", "0x70a08231"),
            ("approve(address,uint256)", "0x095ea7b3"),
            ("transferFrom(address,address,uint256)", "0x23b872dd"),
            ("totalSupply()", "0x18160ddd"),
            ("allowance(address,address)", "0xdd62ed3e"),
            ("safeTransferFrom(address,address,uint256)", "0x42842e0e"),
            ("safeTransferFrom(address,address,uint256,bytes)", "0xb88d4fde"),
            ("setApprovalForAll(address,bool)", "0xa22cb465"),
            ("deposit()", "0xd0e30db0"),
            ("withdraw(uint256)", "0x2e1a7d4d"),
            ("multicall(bytes[])", "0xac9650d8"),
            ("permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", "0xd505accf"),
            ("safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)", "0x2eb2c2d6"),
            ("safeTransferFrom(address,address,uint256,uint256,bytes)", "0xf242432a"),
        ]
        for (signature, selector) in known {
            #expect(Hex.encode(try ABIFunction(parsing: signature).selector) == selector, "\(signature)")
        }
    }

    /// A USDT-style transfer of 1,000,000 base units, as wallets and explorers show it.
    @Test func erc20TransferCalldata() throws {
        let function = try ABIFunction(parsing: "transfer(address to, uint256 amount)")
        let to = try Address(parsing: "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")
        let calldata = try function.encodeCall([.address(to), .uint(1_000_000)])
        #expect(Hex.encode(calldata) == "0xa9059cbb"
            + "000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045"
            + "00000000000000000000000000000000000000000000000000000000000f4240")
        #expect(try function.decodeCall(calldata) == [.address(to), .uint(1_000_000)])
        let call = try #require(CalldataDecoder.describe(calldata))
        #expect(call.name == "transfer")
        #expect(call.arguments.map(\.display) == ["0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "1000000"])
    }
}
