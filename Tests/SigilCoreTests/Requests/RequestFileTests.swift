import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite("RequestFile")
struct RequestFileTests {
    private func parseError(_ text: String) -> RequestError? {
        do {
            _ = try RequestFile.parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func payloadError(_ text: String, _ limits: TransactionRequest.Limits = .init()) throws -> RequestError? {
        let request = try RequestFile.parse(text)
        do {
            _ = try request.payload(limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesTheBaseRequest() throws {
        let request = try RequestFile.parse(RequestTestJSON.text(RequestTestJSON.dynamicFee))
        #expect(request.type == .dynamicFee)
        #expect(request.chainId == 1)
        #expect(request.value == 100)
        #expect(request.gas == 21_000)
        #expect(request.maxFeePerGas == 10_000_000_000)
        #expect(request.maxPriorityFeePerGas == 1_000_000_000)
        #expect(request.from?.checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        // Same transaction as cast's mktx vector (value 100): its unsigned bytes.
        let payload = try request.payload()
        #expect(payload.signingPayload().hexString == "0x02e80180843b9aca008502540be40082520894" + "0000000000000000000000000000000000000001" + "6480c0")
    }

    @Test(arguments: TransactionType.allCases)
    func serializeParseRoundTrip(type: TransactionType) throws {
        let seed = UInt64(0x5EED_0000) + UInt64(type.rawValue)
        var random = RequestTestRandom(seed: seed)
        for index in 0..<200 {
            let request = random.validRequest(type)
            let text = RequestFile.serialize(request)
            let parsed = try RequestFile.parse(text)
            #expect(parsed == request, "seed \(seed) case \(index)\n\(text)")
            #expect(RequestFile.serialize(parsed) == text, "seed \(seed) case \(index)")
            #expect(throws: Never.self, "seed \(seed) case \(index)") { try request.payload() }
        }
    }

    @Test func serializedLayoutIsStable() {
        let request = TransactionRequest(type: .legacy, chainId: nil, nonce: 7, to: nil, value: 0, gas: 53_000, gasPrice: 1)
        #expect(RequestFile.serialize(request) == """
            {
              "format": "sigil.unsigned-tx/1",
              "type": "0x0",
              "chainId": null,
              "nonce": "0x7",
              "from": null,
              "to": null,
              "value": "0x0",
              "data": "0x",
              "gas": "0xcf08",
              "gasPrice": "0x1"
            }

            """)
    }

    @Test func acceptsDecimalStringsTypeFormsAndInput() throws {
        let decimal = RequestTestJSON.with("value", "\"100\"")
        #expect(try RequestFile.parse(decimal).value == 100)
        #expect(try RequestFile.parse(RequestTestJSON.with("type", "\"2\"")).type == .dynamicFee)
        var pairs = RequestTestJSON.dynamicFee.filter { $0.0 != "data" }
        pairs.append(("input", "\"0xabcd\""))
        #expect(try RequestFile.parse(RequestTestJSON.text(pairs)).data == [0xab, 0xcd])
        #expect(try RequestFile.parse(RequestTestJSON.with("input", "\"0x\"")).data == [])
        #expect(try RequestFile.parse(RequestTestJSON.with("from", "null")).from == nil)
        #expect(try RequestFile.parse(RequestTestJSON.with("from", nil)).from == nil)
        #expect(try RequestFile.parse(RequestTestJSON.with("to", "null")).to == nil)
        #expect(try RequestFile.parse(RequestTestJSON.with("to", "\"0x7e5f4552091a69125d5dfcb7b8c2659029395bdf\"")).to != nil)
    }

    @Test func strictnessMessages() throws {
        let cases: [(String, String)] = [
            (RequestTestJSON.with("summary", "\"send 1 ETH\""), "unknown field 'summary' in the request"),
            (RequestTestJSON.with("b", "1").replacingOccurrences(of: "}", with: ", \"a\": 2}"),
             "unknown fields 'b' and 'a' in the request"),
            (RequestTestJSON.with("nonce", nil), "missing field 'nonce' in the request"),
            (RequestTestJSON.text(RequestTestJSON.dynamicFee.filter { $0.0 != "nonce" && $0.0 != "gas" }),
             "missing fields 'nonce' and 'gas' in the request"),
            (RequestTestJSON.with("gasPrice", nil, base: RequestTestJSON.dynamicFee.filter { !$0.0.hasPrefix("max") && $0.0 != "type" }),
             "missing field 'type', and no fee field to infer it from (give gasPrice, or maxFeePerGas and maxPriorityFeePerGas)"),
            (RequestTestJSON.with("nonce", "true"),
             "field 'nonce' must be a quantity (\"0x…\", a decimal string or a JSON integer), found a boolean"),
            (RequestTestJSON.with("accessList", "{}"), "field 'accessList' must be an array, found an object"),
            (RequestTestJSON.with("value", "-1"), "field 'value' is negative ('-1'); a quantity is 0 or more"),
            (RequestTestJSON.with("value", "1.0"),
             "field 'value' is not a whole number ('1.0'): a JSON number with a fraction or an exponent is refused; write its digits (42) or a string (\"0x2a\")"),
            (RequestTestJSON.with("gas", "1e3"),
             "field 'gas' is not a whole number ('1e3'): a JSON number with a fraction or an exponent is refused; write its digits (42) or a string (\"0x2a\")"),
            (RequestTestJSON.with("value", "115792089237316195423570985008687907853269984665640564039457584007913129639936"),
             "field 'value' is larger than 2^256-1"),
            (RequestTestJSON.with("gasLimit", "\"0x5209\""), "fields 'gas' and 'gasLimit' are both present and differ; give one of them"),
            (RequestTestJSON.with("nonce", "\"0x01\""), "field 'nonce' has leading zeros: '0x01' (write 0x0 or 0x1f, not 0x01f)"),
            (RequestTestJSON.with("nonce", "\"007\""), "field 'nonce' has leading zeros: '007' (write 7, not 007)"),
            (RequestTestJSON.with("value", "\"0x\""),
             "field 'value' is not a quantity: '0x' (expected \"0x\" and hex digits, or decimal digits)"),
            (RequestTestJSON.with("value", "\"1e18\""),
             "field 'value' is not a quantity: '1e18' (expected \"0x\" and hex digits, or decimal digits)"),
            (RequestTestJSON.with("nonce", "\"0x10000000000000000\""), "field 'nonce' is larger than 2^64-1"),
            (RequestTestJSON.with("value", "\"0x1" + String(repeating: "0", count: 64) + "\""), "field 'value' is larger than 2^256-1"),
            (RequestTestJSON.with("format", "\"sigil.unsigned-tx/2\""),
             "unsupported request format 'sigil.unsigned-tx/2' (expected sigil.unsigned-tx/1)"),
            (RequestTestJSON.with("format", "1"), "field 'format' must be the string \"sigil.unsigned-tx/1\", found a number"),
            (RequestTestJSON.with("to", "\"0x7E5F4552091A69125d5DfCb7b8C2659029395BDF\""),
             "field 'to' is not a valid address: address has an invalid EIP-55 checksum (mixed case); the checksummed form is 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"),
            (RequestTestJSON.with("input", "\"0x01\""), "fields 'data' and 'input' are both present and differ; give one of them"),
            (RequestTestJSON.with("data", "\"0x123\""), "field 'data' is not 0x-prefixed hex: hex value has an odd number of digits (3)"),
            (RequestTestJSON.with("gasPrice", "\"0x1\""), "field 'gasPrice' is not allowed in a type 2 (EIP-1559 dynamic fee) transaction"),
            (RequestTestJSON.with("type", "\"0x5\""), "field 'type' is 0x5: unsupported transaction type (supported: 0x0 to 0x4)"),
            (RequestTestJSON.with("chainId", "null"), "field 'chainId' is required in a type 2 (EIP-1559 dynamic fee) transaction"),
            (RequestTestJSON.with("accessList", "[{\"address\": \"0x0000000000000000000000000000000000000001\", \"storageKeys\": [], \"x\": 1}]"),
             "unknown field 'x' in accessList[0]"),
            (RequestTestJSON.with("accessList", "[{\"address\": \"0x0000000000000000000000000000000000000001\"}]"),
             "missing field 'storageKeys' in accessList[0]"),
            (RequestTestJSON.with("accessList", "[{\"address\": \"0x0000000000000000000000000000000000000001\", \"storageKeys\": [\"0x01\"]}]"),
             "field 'accessList[0].storageKeys[0]' must be 32 bytes, found 1"),
            ("[]", "request file must be a JSON object, found an array"),
        ]
        for (text, message) in cases {
            let error = parseError(text)
            #expect(error?.description == message, "\(text)")
            #expect(error?.category == (message.hasPrefix("unsupported") || message.contains("unsupported transaction type") ? .unsupported : .invalidInput))
        }
    }

    @Test func typeFourWithoutRecipient() {
        let text = RequestTestJSON.with("to", "null", base: RequestTestJSON.dynamicFee + [("authorizationList", "[]")])
            .replacingOccurrences(of: "\"0x2\"", with: "\"0x4\"")
        #expect(parseError(text)?.description == "field 'to' is required in a type 4 (EIP-7702 set code) transaction: it cannot create a contract")
        let request = TransactionRequest(type: .setCode, chainId: 1, nonce: 0, to: nil, value: 0, gas: 50_000,
                                         maxFeePerGas: 1, maxPriorityFeePerGas: 1)
        #expect(throws: RequestError(field: "to", message: "field 'to' is required in a type 4 (EIP-7702 set code) transaction: it cannot create a contract")) {
            try request.payload()
        }
    }

    @Test func payloadRules() throws {
        let base = RequestTestJSON.dynamicFee
        #expect(try payloadError(RequestTestJSON.with("chainId", "\"0x0\""))?.description
                == "field 'chainId' is 0; a transaction must name the chain it is for")
        #expect(try payloadError(RequestTestJSON.with("maxPriorityFeePerGas", "\"20\"", base: base).replacingOccurrences(of: "\"0x2540be400\"", with: "\"10\""))?.description
                == "field 'maxPriorityFeePerGas' (20 wei) is above maxFeePerGas (10 wei)")
        #expect(try payloadError(RequestTestJSON.with("gas", "\"100\""))?.description
                == "field 'gas' is 100; the minimum is 21000, the intrinsic cost of any transaction")
        #expect(try payloadError(RequestTestJSON.with("gas", "\"30000001\""))?.description
                == "field 'gas' is 30000001; the maximum accepted is 30000000")
        let typeFour = RequestTestJSON.text(base + [("authorizationList", "[]")]).replacingOccurrences(of: "\"0x2\"", with: "\"0x4\"")
        #expect(try payloadError(typeFour)?.description
                == "field 'authorizationList' is empty; a type 4 transaction needs at least one authorization")
        let blob = RequestTestJSON.text(base + [("maxFeePerBlobGas", "\"0x1\""), ("blobVersionedHashes", "[\"0x02" + String(repeating: "00", count: 31) + "\"]")])
            .replacingOccurrences(of: "\"0x2\"", with: "\"0x3\"")
        #expect(try payloadError(blob)?.description == "field 'blobVersionedHashes[0]' has version 0x02; only 0x01 (KZG) is defined")
        let noBlobs = RequestTestJSON.text(base + [("maxFeePerBlobGas", "\"0x1\""), ("blobVersionedHashes", "[]")])
            .replacingOccurrences(of: "\"0x2\"", with: "\"0x3\"")
        #expect(try payloadError(noBlobs)?.description == "field 'blobVersionedHashes' is empty; a type 3 transaction needs at least one blob")
        let legacy: [(String, String)] = [
            ("format", "\"sigil.unsigned-tx/1\""), ("type", "\"0x0\""), ("chainId", "null"), ("nonce", "\"0x0\""),
            ("to", "null"), ("value", "\"0x0\""), ("data", "\"0x6000\""), ("gas", "\"60000\""), ("gasPrice", "\"1\""),
        ]
        let unprotected = RequestTestJSON.text(legacy)
        #expect(try payloadError(unprotected)?.description
                == "field 'chainId' is missing: a legacy transaction without a chain id can be replayed on every chain; refused unless explicitly allowed")
        #expect(try payloadError(unprotected, .init(allowUnprotectedLegacy: true)) == nil)
        #expect(parseError(RequestTestJSON.with("accessList", "[]", base: legacy))?.description
                == "field 'accessList' is not allowed in a type 0 (legacy) transaction")
    }

    @Test func gasPriceOnTypeTwoRefusedByPayload() {
        let request = TransactionRequest(type: .dynamicFee, chainId: 1, nonce: 0, to: .zero, value: 0, gas: 21_000,
                                         gasPrice: 5, maxFeePerGas: 1, maxPriorityFeePerGas: 1)
        #expect(throws: RequestError(field: "gasPrice", message: "field 'gasPrice' is not allowed in a type 2 (EIP-1559 dynamic fee) transaction")) {
            try request.payload()
        }
    }

    @Test func sizeLimitAndTrailingGarbage() throws {
        let base = RequestTestJSON.text(RequestTestJSON.dynamicFee)
        let oversize = base + String(repeating: " ", count: RequestFile.maximumSize + 1 - base.utf8.count)
        #expect(parseError(oversize)?.description == "request file is 1048577 bytes; the limit is 1048576 (1 MiB)")
        #expect(throws: Never.self) { try RequestFile.parse(String(oversize.dropLast())) }
        let trailing = parseError(base + " x")
        #expect(trailing?.description.hasPrefix("request file is not valid JSON: ") == true, "\(String(describing: trailing))")
        let duplicate = parseError(RequestTestJSON.with("nonce", "\"0x1\"").replacingOccurrences(of: "}", with: ", \"nonce\": \"0x2\"}"))
        #expect(duplicate?.description.hasPrefix("request file is not valid JSON: ") == true, "\(String(describing: duplicate))")
    }

    @Test func authorizationFields() throws {
        let auth = "{\"chainId\": \"0x1\", \"address\": \"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf\", \"nonce\": \"0x64\", \"yParity\": \"0x1\", \"r\": \"0x2\", \"s\": \"0x3\"}"
        let text = RequestTestJSON.text(RequestTestJSON.dynamicFee + [("authorizationList", "[\(auth)]")])
            .replacingOccurrences(of: "\"0x2\"", with: "\"0x4\"")
        let request = try RequestFile.parse(text)
        #expect(request.authorizationList.count == 1)
        #expect(request.authorizationList[0].authorization.nonce == 100)
        #expect(request.authorizationList[0].yParity == 1)
        let missing = text.replacingOccurrences(of: ", \"yParity\": \"0x1\"", with: "")
        #expect(parseError(missing)?.description == "missing field 'yParity' in authorizationList[0]")
        let big = text.replacingOccurrences(of: "\"yParity\": \"0x1\"", with: "\"yParity\": \"0x100\"")
        #expect(parseError(big)?.description == "field 'authorizationList[0].yParity' is larger than 0xff")
    }
}
