import Model

/// The requests of a step that are new or heavier than in the baseline's same step: what names the cause of
/// a regression ("new script /lean/big.js 307 200 B on step Home").
struct RequestDiff {
    struct Change {
        var request: RequestBrief
        var display: String
        var before: Int?
        var after: Int
        var growth: Int { after - (before ?? 0) }
    }

    let changes: [Change]

    /// Requests are recognised by `RequestKey`; several requests with one key add up. A known request counts
    /// as grown when it is heavier by more than the tolerance.
    init(baseline old: StepFigures, current new: StepFigures, tolerance: Double) {
        func totals(_ step: StepFigures) -> [String: (RequestBrief, Int)] {
            var totals: [String: (RequestBrief, Int)] = [:]
            for r in step.measures.requestList {
                let key = RequestKey.key(r.url, page: step.url)
                let sum = (totals[key]?.1 ?? 0) + r.transferBytes
                totals[key] = (totals[key]?.0 ?? r, sum)
            }
            return totals
        }
        let before = totals(old)
        var changes: [Change] = []
        for (key, (request, after)) in totals(new) {
            let display = RequestKey.display(request.url, page: new.url)
            if let previous = before[key]?.1 {
                if after > previous, Double(after - previous) > tolerance * Double(previous) {
                    changes.append(Change(request: request, display: display, before: previous, after: after))
                }
            } else {
                changes.append(Change(request: request, display: display, before: nil, after: after))
            }
        }
        self.changes = changes.sorted { ($0.growth, $0.display) > ($1.growth, $1.display) }
    }

    func lines(step: String, limit: Int = 8) -> [String] {
        var lines = changes.prefix(limit).map { c in
            let type = c.request.resourceType.rawValue
            if let before = c.before {
                return "heavier \(type) \(c.display) \(Format.grouped(Double(before))) → \(Format.grouped(Double(c.after))) B (+\(Format.grouped(Double(c.growth))) B) on step \(step)"
            }
            return "new \(type) \(c.display) \(Format.grouped(Double(c.after))) B on step \(step)"
        }
        if changes.count > limit { lines.append("… and \(changes.count - limit) more new or heavier requests on step \(step)") }
        return lines
    }
}
