import ArgumentParser
import Foundation
import Model
import Scoring

/// The grid and what scoring reads besides the profile: the flags `score` and `audit` share.
struct ScoreFlags: ParsableArguments {
    @Option(help: "Id of a bundled grid: app-referencing, rgesn-2024, maturin-sih… (see `ecoscore grids list`).")
    var grid: String?

    @Option(name: .customLong("grid-file"), help: "A grid file that replaces the bundled grid.")
    var gridFile: String?

    @Option(help: "The team's answers to the grid's declared criteria (YAML).")
    var answers: String?

    @Option(help: "Reference network of the display-time model: fibre, 4g or 3g (default: the grid's).")
    var network: String?

    @Option(help: "Grid intensity of the emissions: a preset (world, france…) or gCO2e per kWh (default: the footprint model's).")
    var intensity: String?

    @Option(help: "A hospital-IS inventory (CSV or YAML) whose annual impacts are attached to the score card; required by grids that score an inventory (maturin-sih).")
    var inventory: String?

    @Option(name: .customLong("views-per-year"),
            help: "Adds the profile to the inventory as a web-app line: this many views of the journey a year (needs --inventory).")
    var viewsPerYear: Double?

    func validate() throws {
        if let viewsPerYear {
            guard viewsPerYear.isFinite, viewsPerYear >= 0 else { throw ValidationError("--views-per-year is zero or more") }
            guard inventory != nil else { throw ValidationError("--views-per-year adds a web-app line to an inventory: give --inventory FILE") }
        }
    }

    /// Loads the grid, its models, the answers and the inventory — everything that can be wrong in a file the
    /// user gave — so that a command can fail before it spends time measuring. `defaultGrid` applies when
    /// neither --grid nor --grid-file is given.
    func prepare(defaultGrid: String? = nil) throws -> ScoreInputs {
        let loaded = try loadGrid(id: grid ?? (gridFile == nil ? defaultGrid : nil), file: gridFile)
        if loaded.grid.needsInventory, inventory == nil {
            throw CommandFailure.usage("grid '\(loaded.grid.id)' scores a hospital-IS inventory: give --inventory FILE (CSV or YAML, see `ecoscore inventory --help`)")
        }
        return try ScoreInputs(grid: loaded, answers: answers, network: network, intensity: intensity,
                               inventory: inventory, viewsPerYear: viewsPerYear)
    }
}

/// A grid with its models, and the answers, intensity and inventory to score with: read and checked.
struct ScoreInputs {
    let scorer: Scorer
    let answers: Answers?
    let network: String?
    let intensity: GridIntensity?
    let inventory: InventoryResult?
    let viewsPerYear: Double?

    init(grid loaded: LoadedGrid, answers answersFile: String?, network: String?, intensity intensityName: String?,
         inventory inventoryFile: String?, viewsPerYear: Double?) throws {
        do { scorer = try Scorer.bundled(loaded) } catch {
            throw CommandFailure.usage("cannot load the scoring models: \(error)")
        }
        do {
            answers = try answersFile.map { try Answers.load(URL(fileURLWithPath: $0), for: loaded.grid) }
        } catch let error as DataFileError {
            throw CommandFailure.usage(error.description)
        }
        if let intensityName {
            guard let footprint = scorer.footprint else { throw CommandFailure.usage("no footprint model for --intensity") }
            do { intensity = try footprint.intensity(intensityName) } catch {
                throw CommandFailure.usage("--intensity: \(error)")
            }
        } else {
            intensity = nil
        }
        if let inventoryFile {
            do {
                let calculator = try InventoryCalculator.bundled()
                inventory = try calculator.evaluate(try InventoryReader.read(contentsOf: URL(fileURLWithPath: inventoryFile)))
            } catch {
                throw CommandFailure.usage("\(error)")
            }
        } else {
            inventory = nil
        }
        self.network = network
        self.viewsPerYear = viewsPerYear
    }

    var gridID: String { scorer.loaded.grid.id }

    /// The score card of a profile (nil: declared criteria only).
    func score(_ profile: Profile?) throws -> ScoreCard {
        do {
            return try scorer.score(profile, answers: answers,
                                    tool: ToolInfo(name: "ecoscore", version: Ecoscore.version, engine: "scoring"),
                                    network: network, intensity: intensity, inventory: inventory,
                                    webAppViewsPerYear: viewsPerYear)
        } catch let error as DataFileError {
            throw CommandFailure.usage(error.description)
        }
    }
}
