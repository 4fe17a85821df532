/// Where a metric's value lives.
public enum MetricScope: String, Sendable, Codable {
    /// One value per page or journey step; a criterion scores each step and aggregates (mean or worst).
    /// "Over runs" means over the runs whose page loaded; a step with none has no value (Score/LoadedRuns.swift).
    case step
    /// One value for the whole profile (every measured step pooled).
    case profile
    /// One value for the hospital-IS inventory given with `--inventory` (its equipment lines and its web-app lines,
    /// including the profile's own line with `--views-per-year`). Not available to evidence rules.
    case inventory
}

/// What a grid can measure: each metric with its definition, unit and how it is computed from a Profile.
/// `ecoscore grids show` and `ecoscore grids metrics` print these texts.
public struct MetricDefinition: Sendable, Codable {
    public let id: String
    public let unit: String
    public let scope: MetricScope
    /// The direction in which the metric improves.
    public let better: Direction
    public let definition: String
    public let computation: String
    /// Grid parameters or profile data the metric needs.
    public let needs: [Need]

    public enum Need: String, Sendable, Codable {
        /// `parameters.network` and `Scoring/models/display-time.yaml`.
        case displayTimeModel = "parameters.network (models/display-time.yaml)"
        case energy = "models/footprint.yaml (Sustainable Web Design v4, Cloud Carbon Footprint)"
        case compression = "parameters.metrics.compression"
        case cache = "parameters.metrics.cache"
        case images = "parameters.metrics.images"
        case protocols = "parameters.metrics.protocols"
        case staticResources = "parameters.metrics.staticResources"
        /// An inventory (`ecoscore score --inventory`) and `Scoring/models/inventory.yaml`.
        case inventory = "an inventory (--inventory; models/inventory.yaml)"
    }
}

public enum MetricCatalogue {
    /// Every metric, in the order `grids metrics` prints them.
    public static let all: [MetricDefinition] = [
        MetricDefinition(
            id: "step.transferBytes", unit: "bytes", scope: .step, better: .lowerIsBetter,
            definition: "Data exchanged to display the step: response header bytes + body bytes as received (still encoded), every request of the load.",
            computation: "Median over runs of the step's PageTotals.transferBytes (PageSummary.transferBytes.median).",
            needs: []),
        MetricDefinition(
            id: "step.requests", unit: "requests", scope: .step, better: .lowerIsBetter,
            definition: "HTTP requests made to display the step: document, redirect hops, subresources and failures.",
            computation: "Median over runs of PageTotals.requests (PageSummary.requests.median).",
            needs: []),
        MetricDefinition(
            id: "step.domElements", unit: "elements", scope: .step, better: .lowerIsBetter,
            definition: "Elements of the step's HTML document by the EcoIndex definition.",
            computation: "PageSummary.domElements.median; undefined for a step without an HTML document (API call).",
            needs: []),
        MetricDefinition(
            id: "step.displayTimeMs", unit: "ms", scope: .step, better: .lowerIsBetter,
            definition: "Display time modelled for the grid's reference connection (fibre, 4g, 3g): what the step would take on that network, from what it requests.",
            computation: """
                Per run: server time (the document chain's first byte minus the measured DNS, connect, TLS and one \
                round trip; else the metered server CPU) + round trips × RTT + bytes ÷ bandwidth. Round trips: \
                connection setups (DNS, TCP, TLS or QUIC) for each origin not yet used in the run, then, for each \
                dependency level (RequestRecord.depth), the longest of: each redirect chain's hops, and for an \
                HTTP/1.x origin ⌈requests ÷ parallel connections⌉ (6, as browsers); an HTTP/2 or HTTP/3 origin \
                sends a level in one round trip. In a journey, origins used by earlier steps of the same run are \
                already connected. Value: median over runs. The measured wall time is reported beside it.
                """,
            needs: [.displayTimeModel, .protocols]),
        MetricDefinition(
            id: "step.measuredTimeMs", unit: "ms", scope: .step, better: .lowerIsBetter,
            definition: "Wall time the profiler measured for the step, from its first request to the end of its last, on the profiling machine's network.",
            computation: "PageSummary.durationMs.median.",
            needs: []),
        MetricDefinition(
            id: "step.energyWh", unit: "Wh", scope: .step, better: .lowerIsBetter,
            definition: "Energy attributed to one view of the step: data-centre, network and device energy of the bytes, plus the server's CPU energy.",
            computation: """
                The footprint model (models/footprint.yaml): transfer bytes (median) ÷ 10^9 × Σ kWh per GB of the \
                Sustainable Web Design v4 segments (data centre, network, device; operational + embodied) × 1000 \
                + busy server CPU seconds (median net ServerUsage) ÷ 3600 × max watts per vCPU × PUE (Cloud Carbon \
                Footprint's method). Without a server meter the server term is 0 and the score card says so.
                """,
            needs: [.energy]),
        MetricDefinition(
            id: "page.ecoindex", unit: "score", scope: .step, better: .higherIsBetter,
            definition: "EcoIndex of the step (0–100), the GreenIT.fr algorithm on the median DOM, requests and size.",
            computation: "PageSummary.ecoindex.score, else computed from the medians with the bundled tables; undefined without an HTML document.",
            needs: []),
        MetricDefinition(
            id: "server.cpuMsPerView", unit: "ms", scope: .step, better: .lowerIsBetter,
            definition: "CPU time the app's server spent to serve one view of the step, idle baseline removed.",
            computation: "PageSummary.serverCPUms.median; undefined when the server was not metered.",
            needs: []),
        MetricDefinition(
            id: "step.redirects", unit: "requests", scope: .step, better: .lowerIsBetter,
            definition: "Redirect responses (3xx with a Location) in the step's load.",
            computation: "PageTotals.redirects of the representative run (the run whose transfer bytes are closest to the median).",
            needs: []),
        MetricDefinition(
            id: "step.failedRequests", unit: "requests", scope: .step, better: .lowerIsBetter,
            definition: "Requests of the step that failed or answered with a status of 400 or more.",
            computation: "PageTotals.failedRequests of the representative run.",
            needs: []),
        MetricDefinition(
            id: "compression.share", unit: "ratio", scope: .profile, better: .higherIsBetter,
            definition: "Share of the compressible content sent compressed: responses of a compressible type whose decoded body reaches the minimum size, weighted by decoded size.",
            computation: """
                Over the representative run of every step, each URL counted once, status 2xx: Σ decoded bytes of \
                compressible responses with a counted Content-Encoding ÷ Σ decoded bytes of all compressible \
                responses (parameters.metrics.compression: types, encodings, minimum size). Undefined when there is \
                none. Evidence: the uncompressed responses.
                """,
            needs: [.compression]),
        MetricDefinition(
            id: "cache.share", unit: "ratio", scope: .profile, better: .higherIsBetter,
            definition: "Share of the static resources (by transfer bytes) a browser may keep: Cache-Control max-age (or s-maxage) above 0 without no-store/no-cache, or an Expires date after the load.",
            computation: """
                Over the representative run of every step, each URL counted once, status 2xx, resource types of \
                parameters.metrics.cache.staticTypes: Σ transfer bytes with valid cache headers ÷ Σ transfer bytes. \
                Missing headers, no-store, no-cache, max-age=0 and past Expires are invalid. Undefined without static \
                resources. Evidence: the resources without valid headers.
                """,
            needs: [.cache]),
        MetricDefinition(
            id: "https.share", unit: "ratio", scope: .profile, better: .higherIsBetter,
            definition: "Share of requests made over HTTPS.",
            computation: "Requests of the representative run of every step whose URL scheme is https ÷ all of them. Evidence: the plain-HTTP requests.",
            needs: []),
        MetricDefinition(
            id: "http2.share", unit: "ratio", scope: .profile, better: .higherIsBetter,
            definition: "Share of responses received over a multiplexing protocol (HTTP/2 or HTTP/3).",
            computation: "Requests with a known httpVersion in the representative runs; those listed in parameters.metrics.protocols.multiplexed ÷ all. Evidence: the others.",
            needs: [.protocols]),
        MetricDefinition(
            id: "fonts.bytes", unit: "bytes", scope: .step, better: .lowerIsBetter,
            definition: "Web-font bytes downloaded to display the step.",
            computation: "Σ transfer bytes of the requests of resource type font in the step's representative run.",
            needs: []),
        MetricDefinition(
            id: "fonts.files", unit: "files", scope: .step, better: .lowerIsBetter,
            definition: "Web-font files downloaded to display the step (each file is one family variant).",
            computation: "Requests of resource type font in the step's representative run. Font families are not told apart.",
            needs: []),
        MetricDefinition(
            id: "images.modernShare", unit: "ratio", scope: .profile, better: .higherIsBetter,
            definition: "Share of the raster images in an efficient format (WebP, AVIF, JPEG XL).",
            computation: """
                Image responses (status 2xx) of the representative runs, each URL once, vector and icon types \
                excluded (parameters.metrics.images); by Content-Type, else by file extension: modern ÷ all, by \
                count. Undefined when there is no raster image. Evidence: the images in older formats.
                """,
            needs: [.images]),
        MetricDefinition(
            id: "domains.count", unit: "hosts", scope: .step, better: .lowerIsBetter,
            definition: "Distinct hosts the step's page refers to: requested ones and those skipped as other hosts.",
            computation: "Hosts of the requests and of the skipped resources of the step's representative run.",
            needs: []),
        MetricDefinition(
            id: "static.domains", unit: "hosts", scope: .step, better: .lowerIsBetter,
            definition: "Distinct hosts that served the step's static resources (third-party hosts the profiler did not contact are not counted).",
            computation: "Hosts of the requests of parameters.metrics.staticResources.types in the step's representative run.",
            needs: [.staticResources]),
        MetricDefinition(
            id: "inventory.lifespanRatio", unit: "ratio", scope: .inventory, better: .higherIsBetter,
            definition: "How long the equipment is kept compared with the reference lifespans (typeEquipement.csv): 1 = the references met.",
            computation: "Quantity-weighted mean of declared ÷ default lifespan over the equipment lines (InventoryMaturity.lifespanRatio; a line without a declared lifespan counts 1).",
            needs: [.inventory]),
        MetricDefinition(
            id: "inventory.embodiedSaving", unit: "ratio", scope: .inventory, better: .higherIsBetter,
            definition: "Annual embodied impact avoided by the declared lifespans, compared with the reference lifespans (negative when equipment is renewed early).",
            computation: "1 − annual embodied impact (fabrication, distribution, end of life) with the declared lifespans ÷ the same with the default lifespans, on the criterion of models/inventory.yaml maturity (climate change) (InventoryMaturity.embodiedSaving).",
            needs: [.inventory]),
        MetricDefinition(
            id: "inventory.maturityLevel", unit: "level", scope: .inventory, better: .higherIsBetter,
            definition: "Ecoscore's own maturity level 0–4 of the inventory (not MATURIN-H's).",
            computation: "The highest level of models/inventory.yaml maturity whose lifespan ratio and embodied saving the inventory both reaches (InventoryMaturity.level).",
            needs: [.inventory]),
        MetricDefinition(
            id: "webapps.kWhPerYear", unit: "kWh", scope: .inventory, better: .lowerIsBetter,
            definition: "Electricity per year of the inventory's web-app lines (the measured app added with --views-per-year and those the inventory declares).",
            computation: "Σ annualKWh of the lines of kind webApp: views per year × kWh per view (models/inventory.yaml webApp.footprintParts). Undefined without a web-app line.",
            needs: [.inventory]),
        MetricDefinition(
            id: "webapps.kWhPerView", unit: "kWh", scope: .inventory, better: .lowerIsBetter,
            definition: "Electricity of one view of the inventory's web apps, views-weighted: data-centre and network parts of the bytes plus the metered server CPU (no device part: the workstations are inventory lines).",
            computation: "Σ annualKWh ÷ Σ viewsPerYear over the web-app lines. Undefined without a web-app line or with no views.",
            needs: [.inventory]),
        MetricDefinition(
            id: "webapps.useShare", unit: "ratio", scope: .inventory, better: .lowerIsBetter,
            definition: "Share of the inventory's yearly electricity (use phase) taken by its web-app lines.",
            computation: "Σ annualKWh of the web-app lines ÷ Σ annualKWh of every line. Undefined without a web-app line.",
            needs: [.inventory]),
    ]

    public static func named(_ id: String) -> MetricDefinition? { all.first { $0.id == id } }
}
