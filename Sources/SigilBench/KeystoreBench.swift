import Glibc
import SigilCore

/// Unlocking a standard keystore (scrypt n=2^18, r=8, p=1): Sigil in-process against
/// eth-account's `Account.decrypt` of the same file, timed in-process by a Python script
/// (`scripts/bench_unlock.py`) started from here. Medians of a few runs: each takes ~1 s.
enum KeystoreBench {
    static let runs = 5

    static func rows() -> [BenchRow] {
        var passwordBytes = Array("bench password".utf8)
        let password = SecureBytes(consuming: &passwordBytes)
        let key = PrivateKey.generate()
        let file = try! KeystoreFile.encrypt(key, password: password, kdf: .standard)
        let path = "/tmp/sigil-bench-keystore-\(getpid()).json"
        defer { unlink(path) }
        try! FileIO.writeAtomically(path, Array(file.jsonText().utf8), mode: 0o600, overwrite: true)

        _ = try! file.unlock(password: password)
        var times = [Double]()
        for _ in 0..<runs {
            let start = now()
            blackHole(try! file.unlock(password: password))
            times.append(now() - start)
        }
        times.sort()
        let sigil = times[times.count / 2]

        guard let python = pythonBaseline(path: path) else {
            return [BenchRow(name: "keystore unlock (scrypt 2^18)", unit: .nanosecondsPerCall, sigil: sigil, baseline: 0,
                             baselineName: "eth-account Account.decrypt (unavailable: no .venv)", target: .informational)]
        }
        return [BenchRow(name: "keystore unlock (scrypt 2^18), median of \(runs)", unit: .nanosecondsPerCall, sigil: sigil,
                         baseline: python, baselineName: "eth-account 0.14 Account.decrypt, same file", target: .atMost(0.8))]
    }

    static func pythonBaseline(path: String) -> Double? {
        let python = getenv("SIGIL_PYTHON").map { String(cString: $0) } ?? ".venv/bin/python"
        guard access(python, X_OK) == 0, let pipe = popen("\(python) scripts/bench_unlock.py \(path) 'bench password' \(runs)", "r") else {
            return nil
        }
        var output = [CChar](repeating: 0, count: 64)
        let line = fgets(&output, 64, pipe)
        pclose(pipe)
        guard line != nil else { return nil }
        let text = String(decoding: output.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Double(text)
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
    }
}
