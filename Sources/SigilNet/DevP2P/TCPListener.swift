#if canImport(Glibc)
import Glibc
#endif

/// A listening TCP socket on 127.0.0.1 (loopback peers for tests and benchmarks).
public final class TCPListener: @unchecked Sendable {
    private let fd: Int32
    /// The port the kernel chose (or the one asked for).
    public let port: UInt16

    /// Listens on 127.0.0.1:`port` (0: any free port).
    public init(port: UInt16 = 0) throws(TCPStreamError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .failed(TCPStream.errorText(errno)) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let text = TCPStream.errorText(errno)
            Glibc.close(fd)
            throw .failed(text)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    deinit { Glibc.close(fd) }

    /// Waits for one connection until `deadline` (monotonic seconds).
    public func accept(deadline: Double) throws(TCPStreamError) -> TCPStream {
        switch TCPStream.wait(fd, for: Int16(POLLIN), deadline: deadline) {
        case .ready: break
        case .timedOut: throw .timedOut
        case .failed(let code): throw .failed(TCPStream.errorText(code))
        }
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0 else { throw .failed(TCPStream.errorText(errno)) }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        return TCPStream.adopt(fd: client, endpoint: "127.0.0.1")
    }

    /// Stops accepting (a blocked `accept` wakes up with an error).
    public func shutdown() {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }
}
