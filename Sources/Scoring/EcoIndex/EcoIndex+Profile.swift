import Model

extension EcoIndex {
    /// The page with the EcoIndex of each run (from its DOM, requests and transfer bytes) and of the medians.
    /// A run without an HTML document has no DOM and so no EcoIndex.
    public func annotate(_ page: PageProfile) -> PageProfile {
        var page = page
        for i in page.runs.indices {
            let run = page.runs[i]
            page.runs[i].ecoindex = run.domElements.map {
                compute(domElements: $0, requests: run.totals.requests, transferBytes: run.totals.transferBytes)
            }
        }
        let s = page.summary
        page.summary.ecoindex = s.domElements.map {
            compute(domElements: Int($0.median.rounded(.toNearestOrEven)),
                    requests: Int(s.requests.median.rounded(.toNearestOrEven)),
                    transferBytes: Int(s.transferBytes.median.rounded(.toNearestOrEven)))
        }
        return page
    }

    public func annotate(_ profile: Profile) -> Profile {
        var profile = profile
        profile.pages = profile.pages.map(annotate)
        return profile
    }
}
