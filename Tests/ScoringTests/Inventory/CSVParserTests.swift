import Foundation
import Testing
@testable import Scoring

@Suite struct InventoryCSVParserTests {
    @Test func quotedFieldsSeparatorsAndDoubledQuotes() throws {
        let doc = try CSVParser.parse("a;b;c\n\"x;y\";\"say \"\"hi\"\"\";plain\n", file: "t.csv")
        #expect(doc.separator == ";")
        #expect(doc.header == ["a", "b", "c"])
        #expect(doc.records == [CSVRecord(line: 2, fields: ["x;y", "say \"hi\"", "plain"])])
    }

    @Test func lineBreakInsideQuotesKeepsLineNumbers() throws {
        let doc = try CSVParser.parse("a,b\n\"two\nlines\",1\n3,4\n", file: "t.csv")
        #expect(doc.separator == ",")
        #expect(doc.records == [CSVRecord(line: 2, fields: ["two\nlines", "1"]), CSVRecord(line: 4, fields: ["3", "4"])])
    }

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let doc = try CSVParser.parse("\u{FEFF}k;v\r\n\r\nx;1\r\n\ny;\r\n", file: "t.csv")
        #expect(doc.header == ["k", "v"])
        #expect(doc.records == [CSVRecord(line: 3, fields: ["x", "1"]), CSVRecord(line: 5, fields: ["y", ""])])
    }

    @Test func emptyFieldsAndNoFinalNewline() throws {
        let doc = try CSVParser.parse("a;b;c\n;;\n1;;3", file: "t.csv")
        #expect(doc.records.map(\.fields) == [["", "", ""], ["1", "", "3"]])
    }

    @Test func separatorDetection() {
        #expect(CSVParser.detectSeparator("a;b;c") == ";")
        #expect(CSVParser.detectSeparator("a,b,c") == ",")
        #expect(CSVParser.detectSeparator("\"x,y,z\";b") == ";")  // commas inside quotes do not count
    }

    @Test(arguments: [
        ("a;b\n\"open;1\n2;3\n", 2, "unterminated quoted field"),
        ("a;b\nx\"y;1\n", 2, "a quote inside an unquoted field"),
        ("a;b\n\"x\"y;1\n", 2, "after a closing quote"),
        ("a;b\n1;2\n1;2;3\n", 3, "3 fields where the header (line 1) has 2"),
        ("", 1, "empty file"),
    ] as [(String, Int, String)])
    func errorsNameFileAndLine(text: String, line: Int, message: String) {
        #expect {
            try CSVParser.parse(text, file: "bad.csv")
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            return e.file == "bad.csv" && e.line == line && e.message.contains(message)
                && e.description.hasPrefix("bad.csv:\(line): ")
        }
    }

    @Test func tabsInsideFieldsAreData() throws {
        // impactequipements.csv descriptions hold tabs.
        let doc = try CSVParser.parse("d;v\nLaptop\tLatitude;1\n", file: "t.csv")
        #expect(doc.records[0].fields == ["Laptop\tLatitude", "1"])
    }
}
