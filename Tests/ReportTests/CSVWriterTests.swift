import Foundation
import Testing
@testable import Report

/// The CSV spelling itself: RFC 4180 quoting, the two dialects, numbers, formula neutralisation.
@Suite struct CSVWriterTests {
    static func line(_ cells: [CSVCell], _ dialect: CSVDialect = .rfc4180) -> String {
        let text = CSVTable(name: "t", columns: cells.indices.map { "c\($0)" }, rows: [cells]).render(dialect)
        // The header row is one line; the data row is everything after it but its own CRLF.
        let afterHeader = text.components(separatedBy: "\r\n").dropFirst().joined(separator: "\r\n")
        return String(String.UnicodeScalarView(afterHeader.unicodeScalars.dropLast(2)))
    }

    @Test func quotesOnlyWhatMustBeQuotedAndDoublesQuotes() {
        #expect(Self.line([.text("plain"), .text("a,b"), .text(#"say "hi""#), .text("two\nlines"), .text("cr\rhere")])
                == #"plain,"a,b","say ""hi""","two"# + "\nlines\",\"cr\rhere\"")
        // A ';' needs quotes in excel-fr only, a ',' in rfc4180 only.
        #expect(Self.line([.text("a;b"), .text("a,b")]) == "a;b,\"a,b\"")
        #expect(Self.line([.text("a;b"), .text("a,b")], .excelFR) == "\"a;b\";a,b")
    }

    @Test func linesEndWithCRLFAndExcelFrenchStartsWithABOM() {
        let table = CSVTable(name: "t", columns: ["a", "b"], rows: [[.integer(1), .number(2.5)], [.empty, .text("x")]])
        #expect(table.render(.rfc4180) == "a,b\r\n1,2.5\r\n,x\r\n")
        #expect(table.render(.excelFR) == "\u{FEFF}a;b\r\n1;2,5\r\n;x\r\n")
        #expect(Array(table.data(.excelFR).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(table.fileName == "t.csv")
    }

    @Test(arguments: ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd", "\r\ncmd", #"=HYPERLINK("http://x","y")"#])
    func textThatStartsAFormulaIsNeutralised(_ text: String) throws {
        let field = CSVCell.text(text).field(.rfc4180)
        let (_, rows) = try CSVReadBack.parse("h\r\n\(field)\r\n", .rfc4180)
        let read = try #require(rows.first?.first)
        #expect(read == "'" + text, "\(field)")
        #expect(CSVReadBack.text(read) == text)
    }

    @Test func otherTextAndNumbersAreLeftAlone() {
        #expect(CSVCell.text("a=b").field(.rfc4180) == "a=b")
        #expect(CSVCell.text(" =x").field(.rfc4180) == " =x")
        #expect(CSVCell.text("'quoted").field(.rfc4180) == "'quoted")
        #expect(CSVCell.text("").field(.rfc4180) == "")
        // Negative numbers are numbers: written as such, never prefixed.
        #expect(CSVCell.number(-3.5).field(.rfc4180) == "-3.5")
        #expect(CSVCell.number(-3.5).field(.excelFR) == "-3,5")
        #expect(CSVCell.integer(-7).field(.excelFR) == "-7")
        #expect(CSVCell.bool(true).field(.rfc4180) == "true")
        #expect(CSVCell.number(nil).field(.rfc4180) == "")
    }

    @Test(arguments: [
        (1234.0, "1234"), (0.5, "0.5"), (-0.0, "0"), (0.1 + 0.2, "0.30000000000000004"), (1e-7, "0.0000001"),
        (1.5e-7, "0.00000015"), (-2.5e-8, "-0.000000025"), (1.5e20, "150000000000000000000"), (1e16, "10000000000000000"),
        (123.456, "123.456"), (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
    ])
    func numbersAreWrittenWithoutExponentAndReadBackExactly(_ value: Double, _ text: String) {
        #expect(CSVNumber.format(value, decimalMark: ".") == text)
        #expect(Double(CSVNumber.format(value, decimalMark: ".")) == value)
        let french = CSVNumber.format(value, decimalMark: ",")
        #expect(Double(french.replacingOccurrences(of: ",", with: ".")) == value)
    }

    @Test func nonFiniteNumbersAreEmpty() {
        #expect(CSVNumber.format(.nan, decimalMark: ".") == "")
        #expect(CSVNumber.format(.infinity, decimalMark: ".") == "")
    }

    @Test func theSampleCardsHostileTextIsNeutralisedInEveryTable() throws {
        let report = CSVReport(card: try CSVSampleCard.make(), language: .en)
        let families = try CSVReadBack.records(try #require(report.table("families")))
        #expect(families[0]["family_title"] == "'" + CSVSampleCard.hostileTitle)
        let steps = try CSVReadBack.records(try #require(report.table("steps")))
        #expect(steps[0]["title"] == "'\tTabbed title")
        #expect(steps[1]["title"] == CSVSampleCard.markup, "markup is text to a spreadsheet: kept, quoted")
        #expect(steps[0]["server_cpu_ms_median"] == "-0.5", "a negative number is not neutralised")
        #expect(steps[1]["error"] == "'-7: " + CSVSampleCard.multiline)
        let requests = try CSVReadBack.records(try #require(report.table("requests")))
        #expect(requests[0]["cache_control"] == "'@SUM(A1)")
        let recommendations = try CSVReadBack.records(try #require(report.table("recommendations")))
        #expect(recommendations[0]["title"] == "'-Compress text resources")
        let criteria = try CSVReadBack.records(try #require(report.table("criteria")))
        #expect(criteria.first { $0["criterion_id"] == "9.1" }?["criterion_title"] == "'@Strategy")
        #expect(criteria.first { $0["criterion_id"] == "6.3" }?["criterion_title"] == "'+Compression")
        // No field anywhere starts with a formula character once read back.
        for table in report.tables {
            for row in try CSVReadBack.parse(table, .rfc4180).rows {
                for field in row where !field.isEmpty && Double(field) == nil {
                    #expect(!CSVCell.formulaStarts.contains(Character(field.unicodeScalars.first!)), "\(table.name): \(field)")
                }
            }
        }
    }
}
