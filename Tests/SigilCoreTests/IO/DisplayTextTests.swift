import SigilCore
import Testing

@Suite struct DisplayTextTests {
    @Test func controlCharactersAreWrittenOut() {
        #expect(DisplayText.escaped("\u{1b}[2Jhi") == "\\x1b[2Jhi")
        #expect(DisplayText.escaped("a\nb\tc\rd") == "a\\nb\\tc\\rd")
        #expect(DisplayText.escaped("a\nb\tc", multiline: true) == "a\nb\tc")
        #expect(DisplayText.escaped("\u{0}\u{7f}\u{9b}") == "\\x00\\x7f\\x9b")
        #expect(DisplayText.escaped("abc\u{202e}txt.exe") == "abc\\u{202e}txt.exe")
        #expect(DisplayText.escaped("plain ünïcode ✓") == "plain ünïcode ✓")
    }

    @Test func lengthIsCappedWithTheRestCounted() {
        let text = String(repeating: "x", count: 250)
        #expect(DisplayText.escaped(text) == String(repeating: "x", count: 200) + "… (50 more bytes)")
        #expect(DisplayText.escaped(text, limit: nil) == text)
        // an escape is never cut in half: "\x1b" is 4 characters
        #expect(DisplayText.escaped("ab\u{1b}", limit: 4) == "ab… (1 more bytes)")
        #expect(DisplayText.escaped("é" + String(repeating: "y", count: 10), limit: 1) == "é… (10 more bytes)")
    }

    @Test func bytesAreDecodedAndCappedWithoutDecodingEverything() {
        let bytes = [UInt8](repeating: 0x1b, count: 1_000_000)
        let shown = DisplayText.escaped(bytes: bytes, limit: 8)
        #expect(shown == "\\x1b\\x1b… (999998 more bytes)")
        #expect(DisplayText.escaped(bytes: [0xff, 0x41]) == "\u{fffd}A")
    }
}
