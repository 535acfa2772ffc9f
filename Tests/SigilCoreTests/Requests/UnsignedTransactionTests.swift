import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite("UnsignedTransaction")
struct UnsignedTransactionTests {
    @Test(arguments: TransactionType.allCases)
    func rawUnsignedRoundTrip(type: TransactionType) throws {
        let seed = UInt64(0xC0FFEE00) + UInt64(type.rawValue)
        var random = RequestTestRandom(seed: seed)
        for index in 0..<200 {
            var request = random.validRequest(type)
            request.from = nil  // not part of the payload
            let raw = try request.rawUnsigned()
            #expect(try TransactionRequest(rawUnsigned: raw) == request, "seed \(seed) case \(index)")
            #expect(try request.payload().signingPayload() == raw, "seed \(seed) case \(index)")
        }
    }

    @Test func preEIP155LegacyRoundTrip() throws {
        let request = TransactionRequest(type: .legacy, chainId: nil, nonce: 1, to: nil, value: 5, data: [0x60, 0x00],
                                         gas: 60_000, gasPrice: 7)
        let raw = try request.rawUnsigned()
        #expect(raw == RLP.encode(.list([.uint(UInt64(1)), .uint(UInt64(7)), .uint(UInt64(60_000)), .bytes([]),
                                        .uint(UInt64(5)), .bytes([0x60, 0x00])])))
        #expect(try TransactionRequest(rawUnsigned: raw) == request)
    }

    @Test func castMktxRawUnsignedVector() throws {
        let root = try #require(Vectors.json("eip7702_and_cast_mktx.json") as? [String: Any])
        let cases = try #require(root["mktx"] as? [[String: Any]])
        let vector = try #require(cases.first { ($0["id"] as? String) == "foundry/mktx_raw_unsigned" })
        let hex = try #require(vector["expected_unsigned_raw_transaction"] as? String)
        let args = try #require(vector["args"] as? [String: Any])
        let raw = try Hex.decode(hex)
        let request = try TransactionRequest(rawUnsigned: raw)
        #expect(request.type.rawValue == (args["type"] as? NSNumber)?.uint8Value)
        #expect(request.chainId == U256((args["chainId"] as! NSNumber).uint64Value))
        #expect(request.nonce == (args["nonce"] as! NSNumber).uint64Value)
        #expect(request.value == U256((args["value"] as! NSNumber).uint64Value))
        #expect(request.gas == (args["gasLimit"] as! NSNumber).uint64Value)
        #expect(request.maxFeePerGas == U256((args["maxFeePerGas"] as! NSNumber).uint64Value))
        #expect(request.maxPriorityFeePerGas == U256((args["maxPriorityFeePerGas"] as! NSNumber).uint64Value))
        #expect(request.to == (try Address(parsing: args["to"] as! String)))
        #expect(request.data.isEmpty && request.accessList.isEmpty)
        #expect(try request.rawUnsigned() == raw)
        #expect(throws: Never.self) { try request.payload() }
        // The signed mktx vector (value 100) decodes to the same fields apart from the value.
        let signed = try #require(cases.first { ($0["id"] as? String) == "foundry/mktx" })
        let decoded = try SignedTransaction.decode(Hex.decode(signed["expected_raw_transaction"] as! String))
        var expected = request
        expected.value = 100
        #expect(TransactionRequest(payload: decoded.payload) == expected)
    }

    @Test(TestEnvironment.vectorsTrait)
    func ethersUnsignedForms() throws {
        let root = try #require(Vectors.json("tx_ethers_transactions_subset.json") as? [String: Any])
        let tests = try #require(root["tests"] as? [[String: Any]])
        var checked = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let fields = try #require(test["transaction"] as? [String: Any])
            let forms: [(String, TransactionType)] = [("unsignedLegacy", .legacy), ("unsignedEip155", .legacy),
                                                     ("unsignedBerlin", .accessList), ("unsignedLondon", .dynamicFee),
                                                     ("unsignedCancun", .blob)]
            for (key, type) in forms {
                guard let hex = test[key] as? String, !hex.isEmpty else { continue }
                if type == .blob && fields["to"] == nil { continue }  // ethers writes an empty `to`; type 3 has none
                let raw = try Hex.decode(hex)
                let request = try TransactionRequest(rawUnsigned: raw)
                let context = "\(name) \(key)"
                #expect(request.type == type, "\(context)")
                #expect(request.nonce == (try TxTestSupport.u256(fields["nonce"] ?? 0)).uint64Value, "\(context)")
                #expect(U256(request.gas) == (try TxTestSupport.u256(fields["gasLimit"] ?? 0)), "\(context)")
                #expect(request.value == (try TxTestSupport.u256(fields["value"] ?? 0)), "\(context)")
                #expect(request.data == (try TxTestSupport.bytes(fields["data"])), "\(context)")
                #expect(request.to == (try (fields["to"] as? String).map { try Address(parsing: $0) }), "\(context)")
                let chainId = try TxTestSupport.u256(fields["chainId"] ?? 0)
                #expect(request.chainId == (key == "unsignedLegacy" ? nil : chainId), "\(context)")
                switch type {
                case .legacy, .accessList:
                    #expect(request.gasPrice == (try TxTestSupport.u256(fields["gasPrice"] ?? 0)), "\(context)")
                default:
                    #expect(request.maxFeePerGas == (try TxTestSupport.u256(fields["maxFeePerGas"] ?? 0)), "\(context)")
                    #expect(request.maxPriorityFeePerGas == (try TxTestSupport.u256(fields["maxPriorityFeePerGas"] ?? 0)), "\(context)")
                }
                if type == .blob {
                    #expect(request.maxFeePerBlobGas == (try TxTestSupport.u256(fields["maxFeePerBlobGas"] ?? 0)), "\(context)")
                    let hashes = try (fields["blobVersionedHashes"] as? [String] ?? []).map { try TxTestSupport.bytes($0) }
                    #expect(request.blobVersionedHashes == hashes, "\(context)")
                }
                #expect(try request.rawUnsigned() == raw, "\(context)")
                #expect(try RequestFile.parse(RequestFile.serialize(request)) == request, "\(context)")
                checked += 1
            }
        }
        #expect(checked >= 176 * 4)
    }

    @Test func rejectsMalformedInput() {
        func message(_ hex: String) -> String? {
            do {
                _ = try TransactionRequest(rawUnsigned: Hex.decode(hex))
                return nil
            } catch let error as RequestError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(message("0x") == "unsigned transaction: no bytes")
        #expect(message("0x05c0") == "unsigned transaction: unsupported type byte 0x05 (expected 0x01-0x04 or an RLP list for legacy)")
        #expect(message("0x02") == "unsigned transaction: no RLP list after the type byte")
        #expect(message("0x0280") == "unsigned transaction: expected an RLP list, found a byte string")
        #expect(message("0x02e80180843b9aca008502540be4008252089400000000000000000000000000000000000000018080c000")
                == "unsigned transaction: 1 trailing byte(s) after the RLP list")
        #expect(message("0x02c0") == "unsigned transaction expected 9 items, found 0")
        // nonce 0x00 instead of 0x80: not canonical.
        #expect(message("0x02e801008"+"43b9aca008502540be4008252089400000000000000000000000000000000000000018080c0")
                == "unsigned transaction field 'nonce': integer has a leading zero byte")
        // EIP-155 list with a non-empty r.
        let legacy = RLP.encode(.list([.bytes([]), .bytes([1]), .uint(UInt64(21_000)), .bytes([UInt8](repeating: 1, count: 20)),
                                       .bytes([]), .bytes([]), .bytes([1]), .bytes([1]), .bytes([])]))
        #expect(message(legacy.hexString) == "field 'r' must be empty (0x80) in an unsigned EIP-155 transaction")
        // Type 4 with an empty `to`.
        #expect(message("0x04" + Hex.encode(RLP.encode(.list([.bytes([1]), .bytes([]), .bytes([]), .bytes([]), .bytes([]), .bytes([]),
                                                             .bytes([]), .bytes([]), .list([]), .list([])])), prefix: false))
                == "unsigned transaction field 'to': must be an address: this transaction type cannot create a contract")
    }
}
