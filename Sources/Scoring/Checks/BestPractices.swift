import Foundation
import Model

/// The best-practice checks GreenIT-Analysis automates, run over a `Profile`, and the recommendations they lead
/// to, ranked by what fixing them would save. Pure code over data: every threshold, ratio and text comes from
/// `Scoring/models/best-practices.yaml` (`BestPracticeModel`).
///
/// **Which run.** Each page (or journey step) is checked on one real run, its *median run*: the run whose total
/// transfer bytes is the median over the page's runs (the lower median when their number is even, the earliest
/// run on ties; with one run, that run). A real run rather than the summary's medians, so that every offending
/// request named is a request that was made. Runs whose page could not be loaded (`PageRun.loadFailed`) are not
/// candidates, and a page with no loaded run is not checked.
///
/// **Per view.** A recommendation's saving is per view of the profile: one view of each page, which for a
/// journey is one pass through its steps. Savings of different recommendations add up: the oversized-image saving
/// is what remains above the size limit after the WebP/AVIF conversion of the image-format check. The
/// cache-header saving applies to repeat views (`SavingBasis.repeatView`), every other one to every view.
///
/// **Checks** (ids): `compression`, `cache-headers`, `redirects`, `http-errors`, `domains`, `requests`,
/// `stylesheets`, `fonts`, `image-formats`, `big-images`, `cookie-size`, `static-cookies`, `http1`. Only what
/// was requested counts: resources on hosts Ecoscore was not allowed to contact (`PageRun.skipped`) are not
/// requests, so profile with `--all-hosts` to include third parties.
///
/// **Not checked, because a profile cannot show them:**
/// - *Minified CSS/JS* (GreenIT: fewer than 2 line breaks, or more than one semicolon per line and fewer than
///   0.01 line breaks per character). The rule reads the bodies, and the profiler keeps no bodies, only sizes.
/// - *Plugins* (`<object>`/`<embed>`). The profile records the requests such elements make but not the element
///   that made them (a `resourceType` of `other` is also a manifest or a text track), and an element without
///   `data`/`src` makes no request at all.
/// - *Images resized in the browser*, *print style sheet*, *inline CSS/JS blocks*, *social-network SDKs*,
///   *non-minified SVG*, *empty src*: need the layout, the DOM or the bodies.
public struct BestPractices: Sendable {
    public let model: BestPracticeModel
    /// Energy per GB transferred, all segments (Sustainable Web Design v4: 0.3 kWh/GB).
    public let kWhPerGB: Double
    /// Bytes in the GB of `kWhPerGB` (10^9).
    public let bytesPerGB: Double

    public init(model: BestPracticeModel, kWhPerGB: Double, bytesPerGB: Double = 1_000_000_000) {
        self.model = model; self.kWhPerGB = kWhPerGB; self.bytesPerGB = bytesPerGB
    }

    /// The model bundled with Ecoscore (`Scoring/models/best-practices.yaml`), validated, with the kWh per GB of
    /// the bundled footprint model it names.
    public static func bundled() throws -> BestPractices {
        try load(from: DataFile.bundled("models/best-practices.yaml"))
    }

    /// A model file of one's own, validated; the footprint model it names is looked up in the bundled data.
    public static func load(from url: URL) throws -> BestPractices {
        let model = try BestPracticeModel.load(from: url)
        let energy = try SWDEnergyFactor.load(from: DataFile.bundled(model.energy.footprintModel))
        return BestPractices(model: model, kWhPerGB: energy.kWhPerGB,
                             bytesPerGB: energy.sustainableWebDesign.bytesPerGB)
    }

    /// Every check on every page that has a loaded run, page by page in profile order, checks in model order.
    public func check(_ profile: Profile) -> [CheckResult] {
        evaluate(profile)
    }

    /// One recommendation per check that is not at level A on some page, ranked by estimated saving: Wh per view
    /// first, then bytes, then requests, then the worse level, then the model's order of checks. Rank 1 saves most.
    public func recommendations(_ profile: Profile) -> [Recommendation] {
        recommendations(from: evaluate(profile))
    }

    /// The same, from results `check` already returned (so a caller that wants both checks only once).
    public func recommendations(from results: [CheckResult]) -> [Recommendation] {
        var byCheck: [String: [CheckResult]] = [:]
        for result in results where result.level != .A { byCheck[result.id, default: []].append(result) }

        var unranked: [(order: Int, recommendation: Recommendation)] = []
        for (order, (_, definition)) in model.checks.all.enumerated() {
            guard let found = byCheck[definition.id], !found.isEmpty else { continue }
            let bytes = found.reduce(0) { $0 + $1.estimatedSavingBytes }
            let requests = found.reduce(0) { $0 + $1.estimatedSavingRequests }
            let chains = found.flatMap { $0.chains ?? [] }
            let recommendation = Recommendation(
                id: definition.id, rank: 0, title: definition.action, why: definition.why,
                level: found.map(\.level).max() ?? .A, pages: found.map(\.page),
                estimatedSavingBytes: bytes, estimatedSavingRequests: requests,
                estimatedSavingWh: wattHours(bytes: bytes), savingBasis: basis(of: definition.id),
                offendingRequests: found.flatMap(\.offendingRequests),
                chains: chains.isEmpty ? nil : chains)
            unranked.append((order, recommendation))
        }
        let ranked = unranked.sorted { a, b in
            let x = a.recommendation, y = b.recommendation
            if x.estimatedSavingWh != y.estimatedSavingWh { return x.estimatedSavingWh > y.estimatedSavingWh }
            if x.estimatedSavingBytes != y.estimatedSavingBytes { return x.estimatedSavingBytes > y.estimatedSavingBytes }
            if x.estimatedSavingRequests != y.estimatedSavingRequests {
                return x.estimatedSavingRequests > y.estimatedSavingRequests
            }
            if x.level != y.level { return x.level > y.level }
            return a.order < b.order
        }
        return ranked.enumerated().map { i, entry in
            var recommendation = entry.recommendation
            recommendation.rank = i + 1
            return recommendation
        }
    }

    /// Bytes to Wh: bytes ÷ bytes per GB × kWh per GB × 1000.
    public func wattHours(bytes: Int) -> Double {
        Double(bytes) / bytesPerGB * kWhPerGB * 1000
    }

    /// Index of the run a page is checked on: the median run by total transfer bytes (see the type's notes) of
    /// the runs whose page loaded; nil when none did (`PageRun.loadFailed`: an error page or a failed load
    /// is not the page to give advice on).
    public static func representativeRun(of page: PageProfile) -> Int? {
        let loaded = page.runs.indices.filter { !page.runs[$0].loadFailed }
        guard !loaded.isEmpty else { return nil }
        let order = loaded.sorted {
            (page.runs[$0].totals.transferBytes, $0) < (page.runs[$1].totals.transferBytes, $1)
        }
        return order[(order.count - 1) / 2]
    }

    // MARK: - Evaluation

    private func basis(of id: String) -> SavingBasis {
        id == model.checks.cacheHeaders.id ? .repeatView : .everyView
    }

    private func evaluate(_ profile: Profile) -> [CheckResult] {
        let ratios = Self.compressedRatios(in: profile)
        var results: [CheckResult] = []
        for (index, page) in profile.pages.enumerated() {
            guard let runIndex = Self.representativeRun(of: page) else { continue }
            let context = PageContext(index: index, run: page.runs[runIndex], compressedRatios: ratios)
            let checks = model.checks
            let findings: [(BestPracticeModel.CheckDefinition, Finding)] = [
                (checks.compression.definition, compression(context)),
                (checks.cacheHeaders, cacheHeaders(context)),
                (checks.redirects.definition, redirects(context)),
                (checks.httpErrors, httpErrors(context)),
                (checks.domains, domains(context)),
                (checks.requests, requestCount(context)),
                (checks.stylesheets, stylesheets(context)),
                (checks.fonts.definition, fonts(context)),
                (checks.imageFormats.definition, imageFormats(context)),
                (checks.bigImages.definition, bigImages(context)),
                (checks.cookieSize, cookieSize(context)),
                (checks.staticCookies, staticCookies(context)),
                (checks.http1, http1(context)),
            ]
            for (definition, finding) in findings {
                let level = definition.level(for: finding.measured)
                // A count rule names nothing while the count is fine: every request would be "offending".
                let silent = finding.listOnlyWhenFailing && level == .A
                results.append(CheckResult(
                    id: definition.id, title: definition.title, level: level, page: index, pageURL: page.url,
                    pageName: page.name, run: runIndex, measured: finding.measured,
                    threshold: definition.threshold, offendingRequests: silent ? [] : finding.offenders,
                    estimatedSavingBytes: silent ? 0 : finding.savedBytes,
                    estimatedSavingRequests: silent ? 0 : finding.savedRequests,
                    chains: finding.chains))
            }
        }
        return results
    }

    /// Compressed ÷ decoded size of every URL seen compressed anywhere in the profile (any page, any run): the
    /// actual ratio to use for an uncompressed copy of the same URL.
    static func compressedRatios(in profile: Profile) -> [String: Double] {
        var ratios: [String: Double] = [:]
        for page in profile.pages {
            for run in page.runs {
                for r in run.requests where r.isSuccessfulResponse && !r.contentCodings.isEmpty {
                    guard let encoded = r.bodyBytes, let decoded = r.decodedBytes, decoded > 0,
                          ratios[r.url] == nil else { continue }
                    ratios[r.url] = min(1, Double(encoded) / Double(decoded))
                }
            }
        }
        return ratios
    }
}

extension BestPractices {
    /// The run a check looks at, with what it needs from the rest of the profile.
    struct PageContext {
        var index: Int
        var run: PageRun
        var compressedRatios: [String: Double]

        func offender(_ r: RequestRecord, saving: Int, detail: Bilingual) -> OffendingRequest {
            OffendingRequest(url: r.url, page: index, transferBytes: r.transferBytes, estimatedSavingBytes: saving,
                             text: detail)
        }
    }

    /// What one check found on one page.
    struct Finding {
        /// In the unit of the check's thresholds.
        var measured: Double
        var offenders: [OffendingRequest] = []
        /// Defaults to the sum of the offenders' savings.
        var savedBytes: Int
        var savedRequests: Int = 0
        var chains: [[String]]? = nil
        /// For count rules (how many requests, domains, style sheets, fonts): the offenders are just what was counted,
        /// named only when the count is not at level A.
        var listOnlyWhenFailing = false

        init(measured: Double, offenders: [OffendingRequest] = [], savedBytes: Int? = nil, savedRequests: Int = 0,
             chains: [[String]]? = nil, listOnlyWhenFailing: Bool = false) {
            self.measured = measured
            self.offenders = offenders
            self.savedBytes = savedBytes ?? offenders.reduce(0) { $0 + $1.estimatedSavingBytes }
            self.savedRequests = savedRequests
            self.chains = chains
            self.listOnlyWhenFailing = listOnlyWhenFailing
        }
    }
}

extension BestPractices {
    /// "status 404" of a request named by its status (0 without a response).
    static func status(_ r: RequestRecord) -> Bilingual {
        .say(fr: "statut \(r.status ?? 0)", en: "status \(r.status ?? 0)")
    }

    /// The `Cookie` header's size: the header's name as sent, the bytes in each language's symbol.
    static func cookie(_ r: RequestRecord) -> Bilingual {
        .say(fr: "Cookie : \(r.cookieBytesSent) o", en: "Cookie: \(r.cookieBytesSent) B")
    }
}
