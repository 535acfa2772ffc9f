import SigilCore
import Testing

@Suite struct DerivationPathTests {
    private let h = DerivationPath.hardenedOffset

    @Test func parsesStandardPaths() throws {
        #expect(try DerivationPath(parsing: "m").components.isEmpty)
        #expect(try DerivationPath(parsing: "m") == DerivationPath.master)
        #expect(try DerivationPath(parsing: "m/0").childNumbers == [0])
        #expect(try DerivationPath(parsing: "m/44'/60'/0'/0/0").childNumbers == [44 | h, 60 | h, h, 0, 0])
        #expect(try DerivationPath(parsing: "m/0H/1/2h/2/1000000000").childNumbers == [h, 1, 2 | h, 2, 1_000_000_000])
        #expect(try DerivationPath(parsing: "M/1'").childNumbers == [1 | h])
        #expect(try DerivationPath(parsing: "  m/2147483647'\n").childNumbers == [UInt32.max])
        #expect(try DerivationPath(parsing: "m/2147483647").childNumbers == [0x7FFF_FFFF])
    }

    @Test func descriptionIsCanonicalAndRoundTrips() throws {
        let path = try DerivationPath(parsing: "m/44h/60H/0'/0/7")
        #expect(path.description == "m/44'/60'/0'/0/7")
        #expect(try DerivationPath(parsing: path.description) == path)
        #expect(DerivationPath.master.description == "m")
    }

    @Test func ethereumPaths() throws {
        #expect(DerivationPath.ethereumDefault.description == "m/44'/60'/0'/0/0")
        #expect(try DerivationPath.ethereum(index: 9).description == "m/44'/60'/0'/0/9")
        #expect(try DerivationPath.ethereum(index: 0x7FFF_FFFF).childNumbers.last == 0x7FFF_FFFF)
        #expect(throws: DerivationPathError.indexTooLarge(position: 5)) { try DerivationPath.ethereum(index: h) }
    }

    @Test func componentAccessors() throws {
        let component = DerivationPath.Component(childNumber: 44 | h)
        #expect(component.index == 44 && component.isHardened && component.description == "44'")
        #expect(try DerivationPath.Component(index: 3, hardened: false).childNumber == 3)
        #expect(throws: DerivationPathError.indexTooLarge(position: 1)) { try DerivationPath.Component(index: h, hardened: true) }
        let longer = try DerivationPath.master.appending(component)
        #expect(longer.description == "m/44'")
    }

    @Test func errorsNameTheComponent() {
        let cases: [(String, DerivationPathError)] = [
            ("", .empty), ("   ", .empty),
            ("44'/60'", .missingMaster), ("/0", .missingMaster), ("n/0", .missingMaster), ("m0", .missingMaster),
            ("m/", .emptyComponent(position: 1)), ("m//1", .emptyComponent(position: 1)),
            ("m/1/", .emptyComponent(position: 2)),
            ("m/'", .missingIndex(position: 1)), ("m/0/h", .missingIndex(position: 2)),
            ("m/a", .invalidCharacter(position: 1)), ("m/1/-1", .invalidCharacter(position: 2)),
            ("m/1/+1", .invalidCharacter(position: 2)), ("m/1''", .invalidCharacter(position: 1)),
            ("m/ 1", .invalidCharacter(position: 1)), ("m/1'/2x", .invalidCharacter(position: 2)),
            ("m/0x10", .invalidCharacter(position: 1)), ("m/1.5", .invalidCharacter(position: 1)),
            ("m/01", .leadingZero(position: 1)), ("m/1/00'", .leadingZero(position: 2)),
            ("m/2147483648", .indexTooLarge(position: 1)), ("m/0/2147483648'", .indexTooLarge(position: 2)),
            ("m/99999999999999999999999", .indexTooLarge(position: 1)),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try DerivationPath(parsing: text) }
        }
        #expect(DerivationPathError.indexTooLarge(position: 3).description.contains("component 3"))
        #expect(DerivationPathError.empty.category == .invalidInput)
    }

    @Test func depthIsLimitedTo255() throws {
        let deepest = "m" + String(repeating: "/1", count: 255)
        #expect(try DerivationPath(parsing: deepest).components.count == 255)
        #expect(throws: DerivationPathError.tooDeep(256)) { try DerivationPath(parsing: deepest + "/1") }
        let components = Array(repeating: DerivationPath.Component(childNumber: 0), count: 256)
        #expect(throws: DerivationPathError.tooDeep(256)) { try DerivationPath(components: components) }
    }

    // MARK: Index lists

    @Test func indexLists() throws {
        #expect(try DerivationPath.parseIndexList("5") == [5])
        #expect(try DerivationPath.parseIndexList("0..9") == Array(0...9))
        #expect(try DerivationPath.parseIndexList("0,3,7") == [0, 3, 7])
        #expect(try DerivationPath.parseIndexList(" 0..2, 10 ,4..4") == [0, 1, 2, 10, 4])
        #expect(try DerivationPath.parseIndexList("2147483647") == [0x7FFF_FFFF])
        #expect(try DerivationPath.parseIndexList("0..99").count == 100)
        #expect(try DerivationPath.parseIndexList("10..12", maximumCount: 3) == [10, 11, 12])
    }

    @Test func indexListErrors() {
        let cases: [(String, IndexListError)] = [
            ("", .empty), (" ", .empty), ("1,,2", .emptyItem(position: 2)), ("1,", .emptyItem(position: 2)),
            ("a", .invalidItem(position: 1)), ("1..", .invalidItem(position: 1)), ("..3", .invalidItem(position: 1)),
            ("1...3", .invalidItem(position: 1)), ("1.3", .invalidItem(position: 1)), ("0,-1", .invalidItem(position: 2)),
            ("1..2..3", .invalidItem(position: 1)), ("01", .invalidItem(position: 1)),
            ("2147483648", .indexTooLarge(position: 1)), ("0..2147483648", .indexTooLarge(position: 1)),
            ("9..0", .descendingRange(position: 1)), ("1,2,1", .duplicate(1)), ("0..3,2", .duplicate(2)),
            ("0..100", .tooMany(maximum: 100)), ("0..2147483647", .tooMany(maximum: 100)),
            ("0..50,51..100", .tooMany(maximum: 100)),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try DerivationPath.parseIndexList(text) }
        }
        #expect(throws: IndexListError.tooMany(maximum: 2)) { try DerivationPath.parseIndexList("1,2,3", maximumCount: 2) }
        #expect(IndexListError.descendingRange(position: 2).description.contains("item 2"))
    }
}
