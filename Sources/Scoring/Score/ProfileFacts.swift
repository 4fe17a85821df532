import Foundation
import Model

/// A metric's value with what it was computed from.
public struct MetricResult: Sendable {
    /// nil when the profile holds nothing the metric applies to.
    public var value: Double?
    /// What the value was computed from, or why there is none, in French and English.
    public var text: Bilingual?
    /// Requests that count against the metric (uncompressed responses, uncacheable resources…).
    public var requests: [EvidenceRequest]

    public init(value: Double?, detail: Bilingual? = nil, requests: [EvidenceRequest] = []) {
        self.value = value; self.text = detail; self.requests = requests
    }

    /// The English text, as the card's plain `detail` and `note` carry it.
    public var detail: String? { text?.en }
}

/// The metrics of the catalogue computed from one profile (see `MetricCatalogue` for the definitions).
///
/// Only loaded runs count (`PageRun.loadFailed`, Score/LoadedRuns.swift): `profile` is the profile with its failed
/// runs left out, and a step with no loaded run is unmeasured — every step metric is nil there, with the reason
/// as its detail, and it has no display time, energy, footprint or EcoIndex.
public struct ProfileFacts: Sendable {
    /// The profile as scored: every page with its loaded runs only.
    public let profile: Profile
    /// The profile as recorded, failed runs included.
    public let recorded: Profile
    /// Per step: which runs loaded, and why a step is unmeasured.
    public let outcomes: [RunOutcome]
    public let parameters: GridParameters?
    public let displayTime: DisplayTimeModel?
    public let ecoIndex: EcoIndex?
    public let footprint: Footprint?
    /// Per step: the display-time estimate on the grid's network (nil without a network or model).
    public let displayTimes: [DisplayTimeEstimate?]
    public let energies: [EnergyEstimate?]

    /// Per step: the footprint of one view (nil without a footprint model).
    public let footprints: [FootprintResult?]

    public init(profile recorded: Profile, parameters: GridParameters?, displayTime: DisplayTimeModel?, ecoIndex: EcoIndex?,
                footprint: Footprint? = nil, intensity: GridIntensity? = nil) {
        var profile = recorded
        profile.pages = recorded.pages.map { $0.keepingLoadedRuns() }
        let outcomes = recorded.pages.map { RunOutcome($0, profileIncomplete: recorded.incomplete != nil) }
        self.profile = profile; self.recorded = recorded; self.outcomes = outcomes
        self.parameters = parameters; self.displayTime = displayTime; self.ecoIndex = ecoIndex
        self.footprint = footprint
        let multiplexed = parameters?.metrics?.protocols?.multiplexed ?? []
        if let model = displayTime, let id = parameters?.network, let network = model.profile(id) {
            // A journey's run r follows run r of the step before (shared connections), so the runs keep their
            // places: a failed run stays as a run without requests (it opens no connection a later step could
            // reuse), and its estimate is dropped afterwards.
            var aligned = recorded
            for p in aligned.pages.indices {
                for r in aligned.pages[p].runs.indices where aligned.pages[p].runs[r].loadFailed {
                    aligned.pages[p].runs[r].requests = []
                }
            }
            func loadedEstimates(_ on: DisplayTimeModel.NetworkProfile) -> [[DisplayTimeModel.RunEstimate]] {
                zip(recorded.pages, model.estimates(aligned, on: on, multiplexed: multiplexed)).map { page, estimates in
                    zip(page.runs, estimates).filter { !$0.0.loadFailed }.map(\.1)
                }
            }
            let all = model.profiles.map { ($0.id, loadedEstimates($0)) }
            let chosen = loadedEstimates(network)
            displayTimes = profile.pages.indices.map { i in
                let runs = chosen[i]
                guard !runs.isEmpty else { return nil }
                let median = Stat(of: runs.map(\.totalMs)).median
                let typical = runs.min { abs($0.totalMs - median) < abs($1.totalMs - median) }!
                var byNetwork: [String: Double] = [:]
                for (pid, estimates) in all where !estimates[i].isEmpty {
                    byNetwork[pid] = Stat(of: estimates[i].map(\.totalMs)).median
                }
                return DisplayTimeEstimate(
                    modelledMs: median, network: id, serverMs: typical.serverMs, serverSource: typical.serverSource,
                    setupRoundTrips: typical.setupRoundTrips, requestRoundTrips: typical.requestRoundTrips,
                    dependencyLevels: typical.levels, roundTripMs: Double(typical.setupRoundTrips + typical.requestRoundTrips) * network.rttMs,
                    transferMs: typical.transferMs, byNetwork: byNetwork,
                    measuredMs: profile.pages[i].summary.durationMs.median)
            }
        } else {
            displayTimes = profile.pages.map { _ in nil }
        }
        if let footprint {
            let intensity = intensity ?? footprint.defaultIntensity
            let results = zip(profile.pages, outcomes).map { page, outcome in
                outcome.isMeasured ? Self.footprint(of: [page], footprint, intensity) : nil
            }
            footprints = results
            energies = zip(profile.pages, results).map { page, f in
                guard let f else { return nil }
                let e = f.energy
                return EnergyEstimate(
                    wh: e.totalWh, networkWh: (e.operational.network + e.embodied.network) * 1000,
                    deviceWh: (e.operational.device + e.embodied.device) * 1000,
                    dataCentreWh: (e.operational.dataCentre + e.embodied.dataCentre) * 1000, serverWh: e.serverKWh * 1000,
                    transferBytes: page.summary.transferBytes.median, serverCPUms: page.summary.serverCPUms?.median,
                    gCO2e: f.emissions.total, waterLitres: f.water.litres, rating: f.rating, intensity: intensity.name)
            }
        } else {
            footprints = profile.pages.map { _ in nil }
            energies = profile.pages.map { _ in nil }
        }
    }

    /// One view of each of `pages` (their median bytes and server CPU).
    static func footprint(of pages: [PageProfile], _ footprint: Footprint, _ intensity: GridIntensity) -> FootprintResult {
        footprint.of(transferBytes: pages.reduce(0) { $0 + $1.summary.transferBytes.median },
                     serverCPUSeconds: pages.reduce(0) { $0 + ($1.summary.serverCPUms?.median ?? 0) } / 1000,
                     intensity: intensity)
    }

    /// The steps that count: at least one run loaded.
    public var measuredSteps: [Int] { outcomes.indices.filter { outcomes[$0].isMeasured } }

    /// The steps that count in no figure, with why ("could not be loaded: connect: …", "no run").
    public var unmeasuredSteps: [(index: Int, reason: String)] {
        outcomes.indices.compactMap { i in outcomes[i].unmeasuredReason.map { (i, $0) } }
    }

    /// "Home: could not be loaded: connect: …; Cart: no run" for notes, in French and English.
    public func unmeasuredText() -> Bilingual {
        outcomes.indices.compactMap { i in
            outcomes[i].unmeasuredText.map { .say(fr: "\(stepName(i)) : ", en: "\(stepName(i)): ") + $0 }
        }.joined(separator: "; ")
    }

    /// The same in English.
    public func describeUnmeasured() -> String { unmeasuredText().en }

    public var stepCount: Int { profile.pages.count }

    public func stepName(_ i: Int) -> String { profile.pages[i].name ?? profile.pages[i].url }

    /// The run whose transfer bytes are closest to the median (the first of equals): the load whose requests
    /// stand for the step in request-level metrics.
    public func representativeRun(_ i: Int) -> PageRun? {
        let page = profile.pages[i]
        let median = page.summary.transferBytes.median
        return page.runs.min { abs(Double($0.totals.transferBytes) - median) < abs(Double($1.totals.transferBytes) - median) }
    }

    public func ecoindex(_ i: Int) -> EcoIndexResult? {
        guard outcomes[i].isMeasured else { return nil }
        let s = profile.pages[i].summary
        if let e = s.ecoindex { return e }
        guard let eco = ecoIndex, let dom = s.domElements else { return nil }
        return eco.compute(domElements: Int(dom.median.rounded(.toNearestOrEven)),
                           requests: Int(s.requests.median.rounded(.toNearestOrEven)),
                           transferBytes: Int(s.transferBytes.median.rounded(.toNearestOrEven)))
    }

    // MARK: - Step metrics

    /// A step metric at step `i`.
    public func step(_ metric: String, _ i: Int) -> MetricResult {
        if let reason = outcomes[i].unmeasuredText { return MetricResult(value: nil, detail: reason) }
        let page = profile.pages[i]
        let s = page.summary
        switch metric {
        case "step.transferBytes": return MetricResult(value: s.transferBytes.median)
        case "step.requests": return MetricResult(value: s.requests.median)
        case "step.domElements": return MetricResult(value: s.domElements?.median)
        case "step.measuredTimeMs": return MetricResult(value: s.durationMs.median)
        case "step.displayTimeMs":
            guard let d = displayTimes[i] else { return MetricResult(value: nil, detail: .say(fr: "ni modèle de temps d’affichage ni réseau", en: "no display-time model or network")) }
            return MetricResult(value: d.modelledMs, detail: .say(fr: "modélisé sur \(d.network) ; mesuré \(GridFormat.oneDecimal(d.measuredMs)) ms",
                                                                            en: "modelled on \(d.network); measured \(GridFormat.oneDecimal(d.measuredMs)) ms"))
        case "step.energyWh":
            guard let e = energies[i] else { return MetricResult(value: nil, detail: .say(fr: "pas de modèle d’empreinte (models/footprint.yaml)", en: "no footprint model (models/footprint.yaml)")) }
            return MetricResult(value: e.wh, detail: e.serverCPUms == nil
                ? .say(fr: "octets seuls : serveur non mesuré", en: "bytes only: server not metered") : nil)
        case "page.ecoindex": return MetricResult(value: ecoindex(i).map { Double($0.score) })
        case "server.cpuMsPerView": return MetricResult(value: s.serverCPUms?.median)
        case "step.redirects": return MetricResult(value: representativeRun(i).map { Double($0.totals.redirects) })
        case "step.failedRequests": return MetricResult(value: representativeRun(i).map { Double($0.totals.failedRequests) })
        case "fonts.bytes", "fonts.files":
            guard let run = representativeRun(i) else { return MetricResult(value: nil) }
            let fonts = run.requests.filter { $0.resourceType == .font }
            let bytes = fonts.reduce(0) { $0 + $1.transferBytes }
            let evidence = fonts.map { EvidenceRequest(url: $0.url, step: stepName(i), text: .say(fr: "police, \($0.transferBytes) o", en: "font, \($0.transferBytes) B")) }
            return MetricResult(value: Double(metric == "fonts.bytes" ? bytes : fonts.count),
                                detail: .say(fr: "\(fonts.count) fichiers de police, \(bytes) o", en: "\(fonts.count) font files, \(bytes) B"),
                                requests: evidence)
        case "domains.count":
            guard let run = representativeRun(i) else { return MetricResult(value: nil) }
            let hosts = Set(run.requests.compactMap { Self.host($0.url) } + run.skipped.compactMap { Self.host($0.url) })
            return MetricResult(value: Double(hosts.count), detail: Bilingual(same: hosts.sorted().joined(separator: ", ")))
        case "static.domains":
            guard let run = representativeRun(i) else { return MetricResult(value: nil) }
            let types = Set(parameters?.metrics?.staticResources?.types ?? [])
            let hosts = Set(run.requests.filter { types.contains($0.resourceType.rawValue) }.compactMap { Self.host($0.url) })
            return MetricResult(value: hosts.isEmpty ? nil : Double(hosts.count),
                                detail: Bilingual(same: hosts.sorted().joined(separator: ", ")))
        default:
            return MetricResult(value: nil, detail: .say(fr: "pas une métrique d’étape", en: "not a step metric"))
        }
    }

    // MARK: - Profile metrics

    /// A profile metric (every measured step pooled; the detail names the steps left out).
    public func whole(_ metric: String) -> MetricResult {
        var result: MetricResult
        switch metric {
        case "compression.share": result = compressionShare()
        case "cache.share": result = cacheShare()
        case "https.share": result = httpsShare()
        case "http2.share": result = http2Share()
        case "images.modernShare": result = modernImageShare()
        default: return MetricResult(value: nil, detail: .say(fr: "pas une métrique de profil", en: "not a profile metric"))
        }
        if stepCount > 0, measuredSteps.isEmpty {
            return MetricResult(value: nil, detail: .say(fr: "aucune étape n’a pu être mesurée — ", en: "no step could be measured — ")
                                    + unmeasuredText())
        }
        if !unmeasuredSteps.isEmpty {
            result.text = [result.text, .say(fr: "non comptées : ", en: "not counted: ") + unmeasuredText()]
                .compactMap { $0 }.joined(separator: "; ")
        }
        return result
    }

    /// Requests of every step's representative run, with the step they belong to.
    private func pooled() -> [(record: RequestRecord, step: String, run: PageRun)] {
        profile.pages.indices.flatMap { i -> [(record: RequestRecord, step: String, run: PageRun)] in
            guard let run = representativeRun(i) else { return [] }
            return run.requests.map { ($0, stepName(i), run) }
        }
    }

    /// The same, each URL once (its first occurrence), successful responses only.
    private func pooledUnique() -> [(record: RequestRecord, step: String, run: PageRun)] {
        var seen: Set<String> = []
        return pooled().filter { item in
            guard let status = item.record.status, (200..<300).contains(status) else { return false }
            return seen.insert(item.record.url).inserted
        }
    }

    private func compressionShare() -> MetricResult {
        guard let p = parameters?.metrics?.compression else { return MetricResult(value: nil, detail: .say(fr: "pas de paramètres de compression", en: "no compression parameters")) }
        let encodings = Set(p.encodings.map { $0.lowercased() })
        var total = 0.0, compressed = 0.0
        var offenders: [EvidenceRequest] = []
        for (r, step, _) in pooledUnique() {
            guard let type = Self.essence(r.contentType), Self.matches(type, p.compressibleTypes) else { continue }
            let size = Double(r.decodedBytes ?? r.bodyBytes ?? 0)
            guard size >= p.minBytes else { continue }
            total += size
            let codings = (r.contentEncoding ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if codings.contains(where: encodings.contains) {
                compressed += size
            } else {
                offenders.append(EvidenceRequest(url: r.url, step: step,
                                                 text: .say(fr: "\(type), \(Int(size)) o décodés, envoyé sans compression",
                                                            en: "\(type), \(Int(size)) B decoded, sent without compression")))
            }
        }
        guard total > 0 else { return MetricResult(value: nil, detail: .say(fr: "aucune réponse compressible", en: "no compressible response")) }
        return MetricResult(value: compressed / total,
                            detail: .say(fr: "\(Int(compressed)) octets compressibles sur \(Int(total)) envoyés compressés",
                                         en: "\(Int(compressed)) of \(Int(total)) compressible bytes sent compressed"),
                            requests: offenders)
    }

    private func cacheShare() -> MetricResult {
        guard let p = parameters?.metrics?.cache else { return MetricResult(value: nil, detail: .say(fr: "pas de paramètres de cache", en: "no cache parameters")) }
        let types = Set(p.staticTypes)
        var total = 0.0, cacheable = 0.0
        var offenders: [EvidenceRequest] = []
        for (r, step, run) in pooledUnique() where types.contains(r.resourceType.rawValue) {
            let size = Double(r.transferBytes)
            total += size
            if let problem = Self.cacheProblem(r.cache, at: run.startedAt) {
                offenders.append(EvidenceRequest(url: r.url, step: step,
                                                 text: .say(fr: "\(r.resourceType.rawValue), \(r.transferBytes) o : ",
                                                            en: "\(r.resourceType.rawValue), \(r.transferBytes) B: ") + problem))
            } else {
                cacheable += size
            }
        }
        guard total > 0 else { return MetricResult(value: nil, detail: .say(fr: "aucune ressource statique", en: "no static resource")) }
        return MetricResult(value: cacheable / total,
                            detail: .say(fr: "\(Int(cacheable)) octets statiques sur \(Int(total)) avec des en-têtes de cache valides",
                                         en: "\(Int(cacheable)) of \(Int(total)) static bytes with valid cache headers"),
                            requests: offenders)
    }

    private func httpsShare() -> MetricResult {
        let all = pooled()
        guard !all.isEmpty else { return MetricResult(value: nil, detail: .say(fr: "aucune requête", en: "no request")) }
        let plain = all.filter { !$0.record.url.lowercased().hasPrefix("https:") }
        return MetricResult(value: Double(all.count - plain.count) / Double(all.count),
                            detail: .say(fr: "\(all.count - plain.count) requêtes sur \(all.count) en HTTPS",
                                         en: "\(all.count - plain.count) of \(all.count) requests over HTTPS"),
                            requests: plain.map { EvidenceRequest(url: $0.record.url, step: $0.step, text: .say(fr: "HTTP en clair", en: "plain HTTP")) })
    }

    private func http2Share() -> MetricResult {
        guard let p = parameters?.metrics?.protocols else { return MetricResult(value: nil, detail: .say(fr: "pas de paramètres de protocole", en: "no protocol parameters")) }
        let multiplexed = Set(p.multiplexed.map { $0.uppercased() })
        let known = pooled().filter { $0.record.httpVersion != nil }
        guard !known.isEmpty else { return MetricResult(value: nil, detail: .say(fr: "aucune réponse au protocole connu", en: "no response with a known protocol")) }
        let old = known.filter { !multiplexed.contains($0.record.httpVersion!.uppercased()) }
        return MetricResult(value: Double(known.count - old.count) / Double(known.count),
                            detail: .say(fr: "\(known.count - old.count) réponses sur \(known.count) en \(p.multiplexed.joined(separator: " ou "))",
                                         en: "\(known.count - old.count) of \(known.count) responses over \(p.multiplexed.joined(separator: " or "))"),
                            requests: old.map { EvidenceRequest(url: $0.record.url, step: $0.step, text: Bilingual(same: $0.record.httpVersion ?? "")) })
    }

    private func modernImageShare() -> MetricResult {
        guard let p = parameters?.metrics?.images else { return MetricResult(value: nil, detail: .say(fr: "pas de paramètres d’image", en: "no image parameters")) }
        var total = 0, modern = 0
        var offenders: [EvidenceRequest] = []
        for (r, step, _) in pooledUnique() {
            let type = Self.essence(r.contentType)
            let ext = Self.fileExtension(r.url)
            let isImage = r.resourceType == .image || (type?.hasPrefix("image/") ?? false)
            guard isImage else { continue }
            if let type, p.excludedTypes.contains(type) { continue }
            if type == nil || !(type!.hasPrefix("image/")), let ext, p.excludedExtensions.contains(ext) { continue }
            total += 1
            let isModern = type.map { p.modernTypes.contains($0) } ?? false
                || ((type == nil || !(type!.hasPrefix("image/"))) && ext.map { p.modernExtensions.contains($0) } ?? false)
            if isModern {
                modern += 1
            } else {
                offenders.append(EvidenceRequest(url: r.url, step: step,
                                                 text: (type ?? ext).map { Bilingual(same: $0) } ?? .say(fr: "format inconnu", en: "unknown format")))
            }
        }
        guard total > 0 else { return MetricResult(value: nil, detail: .say(fr: "aucune image matricielle", en: "no raster image")) }
        return MetricResult(value: Double(modern) / Double(total),
                            detail: .say(fr: "\(modern) images matricielles sur \(total) en \(p.modernTypes.joined(separator: ", "))",
                                         en: "\(modern) of \(total) raster images in \(p.modernTypes.joined(separator: ", "))"),
                            requests: offenders)
    }

    // MARK: - Helpers

    /// Why a response may not be kept by a browser, nil when its headers allow it.
    static func cacheProblem(_ h: CacheHeaders, at date: Date) -> Bilingual? {
        let directives = (h.cacheControl ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if directives.contains("no-store") { return Bilingual(same: "Cache-Control: no-store") }
        if directives.contains(where: { $0 == "no-cache" || $0.hasPrefix("no-cache=") }) { return Bilingual(same: "Cache-Control: no-cache") }
        let ages = directives.compactMap { d -> Double? in
            guard d.hasPrefix("max-age=") || d.hasPrefix("s-maxage=") else { return nil }
            return Double(d.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? "")
        }
        if let age = ages.max() { return age > 0 ? nil : Bilingual(same: "Cache-Control: max-age=0") }
        if let expires = h.expires {
            guard let when = HTTPDate.parse(expires) else { return .say(fr: "Expires invalide", en: "invalid Expires") }
            return when > date ? nil : .say(fr: "Expires dans le passé", en: "Expires in the past")
        }
        return .say(fr: "aucun en-tête de cache", en: "no cache headers")
    }

    /// "text/css" from "text/css; charset=utf-8".
    static func essence(_ contentType: String?) -> String? {
        guard let t = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
              !t.isEmpty else { return nil }
        return t
    }

    /// A type matches an entry that is equal to it, or a prefix entry ending with "/" ("text/").
    static func matches(_ type: String, _ entries: [String]) -> Bool {
        entries.contains { $0.hasSuffix("/") ? type.hasPrefix($0.lowercased()) : type == $0.lowercased() }
    }

    static func host(_ url: String) -> String? { URLComponents(string: url)?.host?.lowercased() }

    static func fileExtension(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path, let dot = path.lastIndex(of: "."),
              !path[dot...].contains("/") else { return nil }
        return String(path[path.index(after: dot)...]).lowercased()
    }
}

