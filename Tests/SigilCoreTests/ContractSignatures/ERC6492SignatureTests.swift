import Foundation
import Testing
import SigilCore
import SigilTestSupport

@Suite struct ERC6492SignatureTests {
    @Test(TestEnvironment.vectorsTrait) func wrapsAndUnwrapsTheViemExample() throws {
        let vectors = try #require(try Vectors.json("erc6492_erc1271_examples.json") as? [String: Any])
        let constants = try #require(vectors["constants"] as? [String: Any])
        #expect(ERC6492Signature.magicSuffix.hexString == constants["erc6492_magic_suffix"] as? String)
        #expect(ERC1271.magicValue.hexString == constants["erc1271_magic_value"] as? String)

        let example = try #require(vectors["viem_wrap_unwrap"] as? [String: Any])
        let input = try #require(example["serialize_input"] as? [String: String])
        let serialized = try Hex.decode(try #require(example["serialized"] as? String))
        let wrapper = ERC6492Signature(factory: try Address(parsing: input["address"]!), factoryCalldata: try Hex.decode(input["data"]!),
                                       signature: try Hex.decode(input["signature"]!))
        #expect(wrapper.serialized == serialized)

        let parsed = try #require(try ERC6492Signature.parse(serialized))
        let output = try #require(example["parse_output"] as? [String: String])
        #expect(parsed.factory.checksummed == output["address"])
        #expect(parsed.factoryCalldata.hexString == output["data"])
        #expect(parsed.signature.hexString == output["signature"])

        // The inner signature alone is not wrapped, and parses to nothing (it is used as is).
        let inner = try Hex.decode(input["signature"]!)
        let detection = try #require(example["isErc6492Signature"] as? [String: Bool])
        #expect(ERC6492Signature.isWrapped(inner) == detection["inner signature"])
        #expect(ERC6492Signature.isWrapped(serialized) == detection["serialized"])
        #expect(try ERC6492Signature.parse(inner) == nil)
    }

    @Test func theMagicSuffixOnGarbageIsAnError() throws {
        #expect(throws: ERC6492Error.self) { try ERC6492Signature.parse([0x01, 0x02] + ERC6492Signature.magicSuffix) }
        #expect(throws: ERC6492Error.self) { try ERC6492Signature.parse(ERC6492Signature.magicSuffix) }
    }

    @Test func isValidSignatureCallAndAnswer() throws {
        // bytes4(keccak256("isValidSignature(bytes32,bytes)")), computed independently.
        #expect(ERC1271.magicValue == [0x16, 0x26, 0xba, 0x7e])
        let hash = [UInt8](repeating: 0x11, count: 32)
        let call = ERC1271.isValidSignatureCall(hash: hash, signature: [0xaa, 0xbb])
        // selector ‖ hash ‖ offset 0x40 ‖ length 2 ‖ aabb padded to 32
        #expect(call.count == 4 + 32 * 4)
        #expect(Array(call[4..<36]) == hash && call[67] == 0x40 && call[99] == 2 && Array(call[100..<102]) == [0xaa, 0xbb])
        #expect(ERC1271.isMagic(ERC1271.magicValue + [UInt8](repeating: 0, count: 28)))
        #expect(!ERC1271.isMagic(ERC1271.magicValue))                        // too short for a word
        #expect(!ERC1271.isMagic([0xff, 0xff, 0xff, 0xff] + [UInt8](repeating: 0, count: 28)))
        #expect(!ERC1271.isMagic([]))
    }

    @Test func deploylessValidatorLayout() throws {
        let code = DeploylessSignatureValidator.initCode
        #expect(code.count == 65)
        // It copies its arguments from its own end: the first push is its length.
        #expect(Array(code.prefix(2)) == [0x60, UInt8(code.count)])
        #expect(code.last == 0xf3)                                        // RETURN
        #expect(code.contains(0xf1) && code.contains(0xfa))                // CALL, STATICCALL
        let wrapper = ERC6492Signature(factory: .zero, factoryCalldata: [1, 2, 3], signature: [4])
        let data = DeploylessSignatureValidator.callData(wallet: .zero, hash: [UInt8](repeating: 0, count: 32), signature: wrapper)
        #expect(Array(data.prefix(code.count)) == code)
    }
}
