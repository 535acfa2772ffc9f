import Foundation
import Testing
import SigilCore
import SigilTestSupport

/// namehash over the EIP-137 vectors and the ethers named cases that are plain ASCII.
@Suite struct ENSNamehashTests {
    @Test(TestEnvironment.vectorsTrait) func eip137Vectors() throws {
        let vectors = try #require(try Vectors.json("ens_namehash_eip137.json") as? [String: Any])
        let cases = try #require(vectors["erc137_test_vectors"] as? [[String: String]])
        #expect(cases.count == 3)
        for item in cases {
            #expect(ENSName.namehash(item["name"]!).hexString == item["namehash"], "\(item)")
        }
        let named = try #require(vectors["ethers_named_cases"] as? [[String: Any]])
        var checked = 0
        for item in named where item["error"] == nil {
            let name = try #require(item["ensName"] as? String)
            guard name.unicodeScalars.allSatisfy(\.isASCII) else { continue }
            #expect(ENSName.namehash(try ENSName.normalize(name)).hexString == item["namehash"] as? String, "\(name)")
            checked += 1
        }
        #expect(checked >= 4)
    }
}
