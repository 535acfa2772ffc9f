import Dispatch
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs a per-line job over a text file's lines on several threads, keeping output order.
/// Used by the batch modes (`sign tx --batch`, `tx decode --batch`): each non-blank line gives
/// one output line; the first failing line (by line number) is reported with its number.
public enum LineBatch {
    /// The largest batch file read (16 MiB, some 40,000 requests or raw transactions): a
    /// larger one, or an endless stream such as /dev/zero, is refused while it is read.
    public static let maximumInputSize = 16 << 20

    public static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public struct LineFailure: Error {
        public let line: Int
        public let error: any Error

        /// The failure as a command error naming the file (or standard input) and the line.
        public func commandFailure(path: String) -> CommandFailure {
            CommandFailure(ExitStatus.of(error), "\(path == "-" ? "standard input" : path) line \(line): \(error)")
        }
    }

    /// Transforms each non-blank line of `bytes`; returns the outputs joined with newlines.
    public static func map(_ bytes: [UInt8], threads: Int, _ transform: @escaping @Sendable (ArraySlice<UInt8>) throws -> String) throws(LineFailure) -> String {
        var collected: [(number: Int, text: ArraySlice<UInt8>)] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { collected.append((number, line)) }
        }
        let lines = collected
        let chunkSize = 256
        let chunkCount = (lines.count + chunkSize - 1) / chunkSize
        let results = ResultSlots(count: chunkCount)
        let work: @Sendable (Int) -> Void = { chunk in
            var out = ""
            for (number, text) in lines[(chunk * chunkSize)..<min(lines.count, (chunk + 1) * chunkSize)] {
                do {
                    out += try transform(text)
                    out += "\n"
                } catch {
                    results.set(chunk, .failure(LineFailure(line: number, error: error)))
                    return
                }
            }
            results.set(chunk, .success(out))
        }
        if threads <= 1 || chunkCount <= 1 {
            for chunk in 0..<chunkCount { work(chunk) }
        } else {
            // concurrentPerform uses one thread per core; cap the parallelism at `threads` by striding.
            let stride = min(threads, chunkCount)
            DispatchQueue.concurrentPerform(iterations: stride) { start in
                for chunk in Swift.stride(from: start, to: chunkCount, by: stride) { work(chunk) }
            }
        }
        var joined = ""
        for chunk in 0..<chunkCount {
            switch results.get(chunk) {
            case .success(let text): joined += text
            case .failure(let failure): throw failure
            case nil: break
            }
        }
        return joined
    }

    /// One slot per chunk, written by worker threads under a lock.
    private final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<String, LineFailure>?]
        private var lock = pthread_mutex_t()
        init(count: Int) {
            slots = Array(repeating: nil, count: count)
            pthread_mutex_init(&lock, nil)
        }
        deinit { pthread_mutex_destroy(&lock) }
        func set(_ index: Int, _ value: Result<String, LineFailure>) {
            pthread_mutex_lock(&lock)
            slots[index] = value
            pthread_mutex_unlock(&lock)
        }
        func get(_ index: Int) -> Result<String, LineFailure>? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            return slots[index]
        }
    }
}
