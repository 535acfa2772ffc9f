import SigilCLI
import SigilCore
import Testing

@Suite struct ExitStatusTests {
    @Test func codesAndNamesAreDistinct() {
        let codes = ExitStatus.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        let names = ExitStatus.allCases.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func everyCategoryHasItsOwnCode() {
        let categories: [ErrorCategory] = [
            .invalidInput, .notFound, .alreadyExists, .verificationFailed, .wrongPassword, .refusedByPolicy,
            .network, .reverted, .timedOut, .declined, .unsupported,
        ]
        let codes = categories.map { ExitStatus($0).rawValue }
        #expect(Set(codes).count == categories.count)
        #expect(!codes.contains(0))
        #expect(ExitStatus(.invalidInput) == .invalidInput && ExitStatus.invalidInput.rawValue == 65)
        #expect(ExitStatus(.verificationFailed).rawValue == 3)
        #expect(ExitStatus(.wrongPassword).rawValue == 4)
        #expect(ExitStatus(.system) == .failure)
    }
}

@Suite struct OutputTests {
    @Test func tableAlignsValues() {
        #expect(OutputOptions.table([("a", "1"), ("long label", "2")]) == "a           1\nlong label  2\n")
        #expect(OutputOptions.table([]) == "")
    }
}

@Suite struct ByteInputTests {
    @Test func hexOrText() throws {
        #expect(try ByteInput.bytes(from: "0x0102", forceText: false) == [1, 2])
        #expect(try ByteInput.bytes(from: "0x0102", forceText: true) == Array("0x0102".utf8))
        #expect(try ByteInput.bytes(from: "hello", forceText: false) == Array("hello".utf8))
        #expect(try ByteInput.bytes(from: "", forceText: false) == [])
        #expect(throws: HexError.oddLength(1)) { try ByteInput.bytes(from: "0x1", forceText: false) }
    }

    @Test func trimming() {
        #expect(" \t0xab\r\n".trimmingWhitespace() == "0xab")
        #expect("  ".trimmingWhitespace() == "")
        #expect("a b".trimmingWhitespace() == "a b")
    }
}
