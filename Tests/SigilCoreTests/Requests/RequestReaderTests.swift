import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The one request reader: the three JSON shapes, JSON integers read exactly, the binary shapes.
@Suite("RequestReader")
struct RequestReaderTests {
    private func read(_ text: String) throws(RequestError) -> TransactionRequest {
        try RequestReader.read(Array(text.utf8))
    }

    private func error(_ text: String) -> RequestError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    /// A web3.py / eth-account dict as `json.dumps` writes it.
    private func ethAccount(_ value: String, extra: String = "") -> String {
        """
        {"nonce": 7, "gas": 21000, "to": "0x0000000000000000000000000000000000000001", "value": \(value),
         "maxFeePerGas": 2000000000, "maxPriorityFeePerGas": 1000000000, "chainId": 1, "type": 2\(extra)}
        """
    }

    @Test func jsonIntegersAreReadFromTheirDigits() throws {
        // 2^53 + 1: a Double would give 2^53.
        #expect(try read(ethAccount("9007199254740993")).value == U256(9_007_199_254_740_993 as UInt64))
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(try read(ethAccount(max)).value == U256.max)
        #expect(try read(ethAccount("0")).value == .zero)
    }

    @Test func jsonIntegerEdgeCasesAreRefusedNamingTheField() {
        let cases: [(String, String)] = [
            ("115792089237316195423570985008687907853269984665640564039457584007913129639936",
             "field 'value' is larger than 2^256-1"),
            ("1.0", "field 'value' is not a whole number ('1.0'): a JSON number with a fraction or an exponent is refused; write its digits (42) or a string (\"0x2a\")"),
            ("1e3", "field 'value' is not a whole number ('1e3'): a JSON number with a fraction or an exponent is refused; write its digits (42) or a string (\"0x2a\")"),
            ("-1", "field 'value' is negative ('-1'); a quantity is 0 or more"),
        ]
        for (value, message) in cases {
            let refused = error(ethAccount(value))
            #expect(refused?.description == message, "\(value)")
            #expect(refused?.field == "value")
        }
        #expect(error(ethAccount("1", extra: ", \"gasLimit\": 21000, \"summary\": 1"))?.description
                == "unknown field 'summary' in the request")
    }

    @Test func ethAccountDictWithoutFormatAccessListOrData() throws {
        let request = try read(ethAccount("5"))
        #expect(request.type == .dynamicFee && request.chainId == 1 && request.nonce == 7 && request.gas == 21_000)
        #expect(request.accessList.isEmpty && request.data.isEmpty && request.from == nil)
        #expect(request.maxFeePerGas == 2_000_000_000 && request.maxPriorityFeePerGas == 1_000_000_000)
    }

    @Test func typeIsInferredAsEthAccountInfersIt() throws {
        let base = #""nonce": 0, "gas": 21000, "to": "0x0000000000000000000000000000000000000001", "chainId": 1"#
        let list = #""accessList": [{"address": "0x0000000000000000000000000000000000000002", "storageKeys": []}]"#
        #expect(try read("{\(base), \"gasPrice\": 1}").type == .legacy)
        #expect(try read("{\(base), \"gasPrice\": 1, \(list)}").type == .accessList)
        #expect(try read("{\(base), \"maxFeePerGas\": 2, \"maxPriorityFeePerGas\": 1}").type == .dynamicFee)
        let hash = "0x01" + String(repeating: "ab", count: 31)
        #expect(try read("{\(base), \"maxFeePerGas\": 2, \"maxPriorityFeePerGas\": 1, \"maxFeePerBlobGas\": 1, \"blobVersionedHashes\": [\"\(hash)\"]}").type == .blob)
        #expect(try read("{\(base), \"maxFeePerGas\": 2, \"maxPriorityFeePerGas\": 1, \"authorizationList\": []}").type == .setCode)
    }

    @Test func jsonRPCObjectWithInputAndGasLimit() throws {
        let text = """
        {"type": "0x2", "from": "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf", "chainId": "0x1", "nonce": "0x7",
         "gasLimit": "0x5208", "to": "0x0000000000000000000000000000000000000001", "value": "0x0", "input": "0xabcd",
         "maxFeePerGas": "0x77359400", "maxPriorityFeePerGas": "0x3b9aca00"}
        """
        let request = try read(text)
        #expect(request.gas == 21_000 && request.data == [0xab, 0xcd] && request.from?.checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        // Both spellings, equal: taken; the sigil file form of it reads back the same request.
        #expect(try read(text.replacingOccurrences(of: "\"gasLimit\": \"0x5208\"", with: "\"gasLimit\": 21000, \"gas\": \"0x5208\"")) == request)
        #expect(try RequestFile.parse(RequestFile.serialize(request)) == request)
    }

    @Test func theBinaryShapesReadTheSameRequest() throws {
        let request = try read(ethAccount("5"))
        let unsigned = try request.rawUnsigned()
        #expect(try RequestReader.read(unsigned) == request)
        #expect(try read("  " + Hex.encode(unsigned) + "\n") == request)
        #expect(RequestReader.shape(of: unsigned) == .unsignedBytes)
        #expect(RequestReader.shape(of: Array("x".utf8)) == nil)
        #expect(error("hello")?.description == "not a transaction request: expected a JSON object, 0x-prefixed unsigned transaction hex, or unsigned transaction bytes")
    }

    @Test func authorizationAsSignAuthorizationPrintsIt() throws {
        var raw = [UInt8](repeating: 0, count: 31) + [1]
        let key = try PrivateKey(secret: SecureBytes(consuming: &raw))
        let signed = try key.sign(Authorization(chainId: 1, address: try Address(parsing: "0x0000000000000000000000000000000000000002"), nonce: 3))
        func item(rlp: [UInt8]) -> String {
            """
            {"chainId": "0x1", "address": "0x0000000000000000000000000000000000000002", "nonce": "0x3",
             "yParity": "\(U256(UInt64(signed.yParity)).hexQuantity)", "r": "\(signed.r.hexQuantity)",
             "s": "\(signed.s.hexQuantity)", "rlp": "\(Hex.encode(rlp))"}
            """
        }
        let base = #""nonce": 0, "gas": 60000, "to": "0x0000000000000000000000000000000000000001", "chainId": 1, "maxFeePerGas": 2, "maxPriorityFeePerGas": 1"#
        #expect(try read("{\(base), \"authorizationList\": [\(item(rlp: signed.encoded))]}").authorizationList == [signed])
        #expect(error("{\(base), \"authorizationList\": [\(item(rlp: [0xc0]))]}")?.description
                == "field 'authorizationList[0].rlp' does not encode the authorization's other fields; remove it or fix them")
    }
}
