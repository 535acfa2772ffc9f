import CSecp256k1
import Glibc
import SigilCore

/// Issue 4's end-to-end figures: 10,000 EIP-1559 requests signed by ONE `sigil sign tx --batch`
/// process, and their senders recovered by one `sigil tx decode --batch`, against the C floor
/// (Keccak-256 + libsecp256k1 per transaction, measured here) and against eth-account.
enum TxBatchBench {
    static let count = 10_000

    static func rows() -> [BenchRow] {
        let directory = "/tmp/sigil-bench-tx-\(getpid())"
        mkdir(directory, 0o700)
        defer { _ = system("rm -rf \(directory)") }
        let requests = directory + "/requests.jsonl", keyFile = directory + "/key.hex", raws = directory + "/raws.txt"
        let keyHex = "0x" + String(repeating: "0", count: 63) + "7"
        try! FileIO.writeAtomically(keyFile, Array(keyHex.utf8), mode: 0o600)
        try! FileIO.writeAtomically(requests, Array(makeRequests().utf8), mode: 0o600)
        let sigil = executableDirectory() + "/sigil"

        let signNs = timeCommand("\(sigil) sign tx --batch \(requests) --private-key-file \(keyFile) > \(raws)")
        let recoverNs = timeCommand("\(sigil) tx decode --batch \(raws) > /dev/null")
        let signOneThreadNs = timeCommand("\(sigil) sign tx --batch \(requests) --private-key-file \(keyFile) --threads 1 > /dev/null")
        let recoverOneThreadNs = timeCommand("\(sigil) tx decode --batch \(raws) --threads 1 > /dev/null")
        let (signFloor, recoverFloor) = cFloors()
        var rows = [
            BenchRow(name: "sign 10k requests, 1 thread (--threads 1), per tx", unit: .nanosecondsPerCall,
                     sigil: signOneThreadNs / Double(count), baseline: signFloor,
                     baselineName: "C floor: Keccak-256 + secp256k1_ecdsa_sign_recoverable", target: .informational),
            BenchRow(name: "recover 10k senders, 1 thread (--threads 1), per tx", unit: .nanosecondsPerCall,
                     sigil: recoverOneThreadNs / Double(count), baseline: recoverFloor,
                     baselineName: "C floor: Keccak-256 + secp256k1_ecdsa_recover + address", target: .informational),
            BenchRow(name: "sign 10k EIP-1559 requests (one sigil process, all cores), per tx", unit: .nanosecondsPerCall,
                     sigil: signNs / Double(count), baseline: signFloor,
                     baselineName: "C floor: Keccak-256 + secp256k1_ecdsa_sign_recoverable", target: .atMost(1 / 0.75)),
            BenchRow(name: "recover 10k senders (tx decode --batch, all cores), per tx", unit: .nanosecondsPerCall,
                     sigil: recoverNs / Double(count), baseline: recoverFloor,
                     baselineName: "C floor: Keccak-256 + secp256k1_ecdsa_recover + address", target: .atMost(1 / 0.8)),
        ]
        if let python = ethAccount(requests: requests, key: keyHex) {
            rows.append(BenchRow(name: "sign 10k EIP-1559 requests vs eth-account, per tx", unit: .nanosecondsPerCall,
                                 sigil: signNs / Double(count), baseline: python / Double(count),
                                 baselineName: "eth-account 0.14 Account.sign_transaction", target: .atMost(0.1)))
        }
        return rows
    }

    static func makeRequests() -> String {
        var out = ""
        for i in 0..<count {
            var to = [UInt8](repeating: 0x11, count: 20)
            to[19] = UInt8(truncatingIfNeeded: i)
            let request = TransactionRequest(
                type: .dynamicFee, chainId: 1, nonce: UInt64(i), to: try! Address(bytes: to), value: U256(UInt64(i) * 1_000_000_007),
                gas: 21_000, maxFeePerGas: 30_000_000_000, maxPriorityFeePerGas: 1_000_000_000)
            out += RequestFile.json(request).serialized() + "\n"
        }
        return out
    }

    /// Per-transaction C cost: hash a typical EIP-1559 signing payload and sign it; recover likewise.
    static func cFloors() -> (Double, Double) {
        let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!
        defer { secp256k1_context_destroy(context) }
        let payload = Array(repeating: UInt8(0xAB), count: 115)
        var secret = [UInt8](repeating: 0, count: 32)
        secret[31] = 7
        var digest = [UInt8](repeating: 0, count: 32)
        var signature = secp256k1_ecdsa_recoverable_signature()
        let bench = Benchmark()
        let sign = bench.measure { n in
            var p = payload
            for i in 0..<n {
                p[0] = UInt8(truncatingIfNeeded: i)
                p.withUnsafeBytes { raw in digest.withUnsafeMutableBytes { Keccak256.hash(raw, into: $0) } }
                guard secp256k1_ecdsa_sign_recoverable(context, &signature, digest, secret, nil, nil) == 1 else { fatalError() }
            }
        }
        var pubkey = secp256k1_pubkey()
        var serialized = [UInt8](repeating: 0, count: 65)
        var address = [UInt8](repeating: 0, count: 32)
        let recover = bench.measure { n in
            var p = payload
            for i in 0..<n {
                p[0] = UInt8(truncatingIfNeeded: i)
                p.withUnsafeBytes { raw in digest.withUnsafeMutableBytes { Keccak256.hash(raw, into: $0) } }
                guard secp256k1_ecdsa_recover(context, &pubkey, &signature, digest) == 1 else { fatalError() }
                var length = 65
                secp256k1_ec_pubkey_serialize(context, &serialized, &length, &pubkey, UInt32(SECP256K1_EC_UNCOMPRESSED))
                serialized.withUnsafeBytes { raw in
                    address.withUnsafeMutableBytes { Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[1...]), into: $0) }
                }
            }
        }
        return (sign.medianNanoseconds, recover.medianNanoseconds)
    }

    static func timeCommand(_ command: String) -> Double {
        let start = KeystoreBench.now()
        guard system(command) == 0 else { fatalError("benchmark command failed: \(command)") }
        return KeystoreBench.now() - start
    }

    static func ethAccount(requests: String, key: String) -> Double? {
        let python = getenv("SIGIL_PYTHON").map { String(cString: $0) } ?? ".venv/bin/python"
        guard access(python, X_OK) == 0, let pipe = popen("\(python) scripts/bench_sign.py \(requests) \(key)", "r") else { return nil }
        var output = [CChar](repeating: 0, count: 64)
        let line = fgets(&output, 64, pipe)
        pclose(pipe)
        guard line != nil else { return nil }
        return Double(String(decoding: output.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static func executableDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = String(decoding: buffer.prefix(max(0, n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return FileIO.directory(of: path)
    }
}
