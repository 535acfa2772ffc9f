import SigilCore
import Testing

@Suite struct SigningPolicyTests {
    @Test func parsesEveryRule() throws {
        let policy = try SigningPolicy.parse("""
        {"chainIds": [1, "0xa"], "recipients": ["0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"],
         "contracts": [], "selectors": ["0xa9059cbb"], "maxValueWei": "1000", "maxFeeCapWei": 5,
         "maxDailyValueWei": "0x10", "allowContractCreation": true, "allowMessages": true, "allowAuthorizations": false}
        """)
        #expect(policy.chainIds == [U256(1), U256(10)])
        #expect(policy.recipients?.count == 1)
        #expect(policy.contracts == [])
        #expect(policy.selectors == [[0xa9, 0x05, 0x9c, 0xbb]])
        #expect(policy.maxValueWei == U256(1000))
        #expect(policy.maxFeeCapWei == U256(5))
        #expect(policy.maxDailyValueWei == U256(16))
        #expect(policy.allowContractCreation && policy.allowMessages && !policy.allowAuthorizations)
    }

    @Test func emptyPolicyHasSafeDefaults() throws {
        let policy = try SigningPolicy.parse("{}")
        #expect(policy == SigningPolicy())
        #expect(!policy.allowMessages && !policy.allowContractCreation && !policy.allowAuthorizations)
    }

    @Test(arguments: [
        (#"{"maxValue": "1", "allow_messages": true}"#, "unknown keys 'maxValue', 'allow_messages'"),
        (#"{"chainIds": 1}"#, "'chainIds' must be an array"),
        (#"{"maxValueWei": "1 ether"}"#, "'maxValueWei'"),
        (#"{"maxValueWei": "-1"}"#, "'maxValueWei'"),
        (#"{"maxValueWei": 1.5}"#, "'maxValueWei'"),
        (#"{"recipients": ["0x2b5ad5c4795c026514f8317c7a215e218dccd6cF"]}"#, "'recipients'"),
        (#"{"recipients": ["0x1234"]}"#, "'recipients'"),
        (#"{"selectors": ["0xa9059c"]}"#, "4-byte selectors"),
        (#"{"allowMessages": "yes"}"#, "'allowMessages' must be true or false"),
        (#"{"allowMessages": true, "allowMessages": false}"#, "not valid JSON"),
        (#"[]"#, "must be a JSON object"),
        (#"{} x"#, "not valid JSON"),
    ])
    func strictParsing(text: String, message: String) {
        #expect {
            try SigningPolicy.parse(text)
        } throws: { error in
            "\(error)".contains(message) && (error as? PolicyError)?.category == .invalidInput
        }
    }
}
