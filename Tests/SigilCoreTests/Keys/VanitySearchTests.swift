import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

fileprivate let vanityOrderMinus1000 = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0363d59"

fileprivate func vanityKey(hex text: String) throws -> PrivateKey {
    var bytes = try Hex.decode(text, prefix: .optional)
    return try PrivateKey(secret: SecureBytes(consuming: &bytes))
}

fileprivate func vanityKeyHex(_ key: PrivateKey) -> String {
    key.withUnsafeSecret { Hex.encode(Array($0), prefix: false) }
}

/// Walks `steps` keys from `start` and compares every address with libsecp256k1's.
fileprivate func checkWalk(start: PrivateKey, steps: Int, batchSize: Int) throws -> Int {
    let walker = VanityWalker(start: start, table: GeneratorMultiples(count: batchSize))
    var seen = [UInt64: [UInt8]]()
    while walker.offset < UInt64(steps) {
        walker.step { offset, address in
            seen[offset] = Array(UnsafeRawBufferPointer(start: address, count: 20))
            return false
        }
    }
    var compared = 0
    for offset in 1...UInt64(steps) {
        guard let expected = try? start.adding(tweak: VanityWalker.tweak(offset)) else {
            #expect(seen[offset] == nil, "key 0 (offset \(offset)) must be skipped")
            continue
        }
        #expect(seen[offset] == expected.address.bytes, "offset \(offset) from \(start.address)")
        compared += 1
    }
    return compared
}

@Suite("VanitySearch")
struct VanitySearchTests {
    @Test func walkMatchesLibsecp256k1AcrossBatches() throws {
        // 2,000 steps with batches of 256: eight batch boundaries.
        #expect(try checkWalk(start: PrivateKey.generate(), steps: 2000, batchSize: 256) == 2000)
    }

    @Test func walkWrapsPastTheGroupOrder() throws {
        // n - 1000: the walk meets -232·G inside a batch (a zero denominator), key 0 at step
        // 1000 (skipped), then a base equal to 24·G, and continues with keys 1, 2, …
        let start = try vanityKey(hex: vanityOrderMinus1000)
        #expect(try checkWalk(start: start, steps: 2000, batchSize: 256) == 1999)
    }

    @Test func patternValidation() throws {
        #expect(throws: VanityError.invalidCharacter("g", field: .prefix, offset: 1)) {
            try VanityPattern(prefix: "0g", suffix: "", checksumCase: false)
        }
        #expect(throws: VanityError.invalidCharacter(" ", field: .suffix, offset: 0)) {
            try VanityPattern(prefix: "", suffix: " a", checksumCase: false)
        }
        #expect(throws: VanityError.tooLong(digits: 41)) {
            try VanityPattern(prefix: String(repeating: "a", count: 21), suffix: String(repeating: "b", count: 20),
                              checksumCase: false)
        }
        #expect(throws: VanityError.emptyPattern) { try VanityPattern(prefix: "0x", suffix: "", checksumCase: true) }
        let p = try VanityPattern(prefix: "0xdEad", suffix: "01", checksumCase: true)
        #expect(p.prefix == "dEad" && p.digitCount == 6)
        #expect(p.expectedTries == 16777216 * 16)  // 6 digits, 4 letters
        #expect(try VanityPattern(prefix: "dEad", suffix: "01", checksumCase: false).expectedTries == 16777216)
        #expect(VanityError.tooLong(digits: 41).category == .invalidInput)
        #expect(VanityError.cancelled.description == "vanity search was cancelled")
    }

    @Test func fastMatchAgreesWithTextMatch() throws {
        var rng = SeededGenerator(seed: 0x7A_2177)
        var matched = 0
        for round in 0..<3000 {
            let address = try Address(bytes: (0..<20).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            let text = Array(address.checksummed.dropFirst(2))
            // Half the patterns are cut from the address itself (so they match up to case).
            let prefixLength = Int(rng.next() % 4), suffixLength = Int(rng.next() % 4)
            var prefix = String(text[0..<prefixLength]), suffix = String(text[(40 - suffixLength)...])
            if round % 2 == 1 {
                prefix = String(prefix.map { _ in Array("0123456789abcdefABCDEF")[Int(rng.next() % 22)] })
            }
            if round % 3 == 0 { prefix = prefix.lowercased(); suffix = suffix.uppercased() }
            guard !(prefix + suffix).isEmpty else { continue }
            for checksumCase in [false, true] {
                let pattern = try VanityPattern(prefix: prefix, suffix: suffix, checksumCase: checksumCase)
                let fast = address.bytes.withUnsafeBytes {
                    pattern.matchesDigits($0.baseAddress!) && pattern.matchesChecksum($0.baseAddress!)
                }
                #expect(fast == pattern.matches(address), "\(address) \(prefix)…\(suffix) \(checksumCase)")
                if fast { matched += 1 }
            }
        }
        #expect(matched > 1000)
    }

    @Test func findsShortPrefixAndSuffix() throws {
        let pattern = try VanityPattern(prefix: "a7", suffix: "3", checksumCase: false)
        let key = try VanitySearch(pattern: pattern, threads: 2).run()
        let text = key.address.checksummed.lowercased()
        #expect(text.hasPrefix("0xa7") && text.hasSuffix("3"))
        try expectOracleAddress(key)
    }

    @Test func findsChecksumCasedAddress() throws {
        let pattern = try VanityPattern(prefix: "Ab", suffix: "e", checksumCase: true)
        let key = try VanitySearch(pattern: pattern, threads: 2, batchSize: 300).run()
        let text = key.address.checksummed
        #expect(text.hasPrefix("0xAb") && text.hasSuffix("e"))
        try expectOracleAddress(key)
    }

    @Test func cancellationStopsAllThreads() throws {
        // 40 digits: never found. Cancel from the progress callback and from another thread.
        let pattern = try VanityPattern(prefix: String(repeating: "0", count: 40), suffix: "", checksumCase: false)
        let search = VanitySearch(pattern: pattern, threads: 3)
        var reports = [VanityProgress]()
        let started = Date()
        #expect(throws: VanityError.cancelled) {
            try search.run(progressInterval: 0.05) { progress in
                reports.append(progress)
                if progress.elapsedSeconds > 0.3 { search.cancel() }
            }
        }
        #expect(Date().timeIntervalSince(started) < 5)
        let last = try #require(reports.last)
        #expect(last.tries > 0 && last.triesPerSecond > 0 && last.probabilityFoundByNow < 1e-30)
        #expect(reports.map(\.tries) == reports.map(\.tries).sorted())

        let other = VanitySearch(pattern: pattern, threads: 2)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { other.cancel() }
        #expect(throws: VanityError.cancelled) { try other.run() }
        #expect(throws: VanityError.cancelled) { try other.run() }  // stays cancelled
    }

    /// eth-account derives the same checksummed address from the key.
    private func expectOracleAddress(_ key: PrivateKey) throws {
        guard TestEnvironment.oraclesEnabled else { return }
        let output = try #require(try PythonOracle.run("vanity_oracle.py",
                                                       input: ["op": "address", "cases": [vanityKeyHex(key)]]) as? [String])
        #expect(output == [key.address.checksummed])
    }
}
