//! The Python pane's examples: the seeds' programs as the tutorials write them
//! (`presets/seeds/`), then what learners reach for next (`presets/next/`). Every one runs in
//! `tests/interpreter.rs` against CPython 3.11.

/// A program the Python pane offers, explained in both languages.
#[derive(Debug, PartialEq)]
pub struct ProgramPreset {
    pub id: &'static str,
    pub title_en: &'static str,
    pub title_fr: &'static str,
    pub explain_en: &'static str,
    pub explain_fr: &'static str,
    pub source: &'static str,
}

macro_rules! preset {
    ($id:literal, $folder:literal, $title_en:literal, $title_fr:literal, $explain_en:literal, $explain_fr:literal) => {
        ProgramPreset {
            id: $id,
            title_en: $title_en,
            title_fr: $title_fr,
            explain_en: $explain_en,
            explain_fr: $explain_fr,
            source: include_str!(concat!("../presets/", $folder, "/", $id, ".py")),
        }
    };
}

const PRESETS: &[ProgramPreset] = &[
    preset!("say_after_create_task", "seeds", "say_after with create_task", "say_after avec create_task",
        "Two tasks start at once: 'hello' after 1 s, 'world' after 2 s; the whole takes 2 s, not 3.",
        "Deux tâches démarrent ensemble : « hello » après 1 s, « world » après 2 s ; le tout dure 2 s, pas 3."),
    preset!("notebook_say_after", "seeds", "say_after, notebook cells", "say_after, cellules de notebook",
        "The notebook's cells in order, with top-level awaits: first one after the other, then as tasks.",
        "Les cellules du notebook dans l'ordre, avec des await au premier niveau : d'abord l'une après l'autre, puis en tâches."),
    preset!("square_run_until_complete", "seeds", "square: run_until_complete", "square : run_until_complete",
        "One coroutine run to its end by the loop: it prints, sleeps 1 s, prints again, returns its square.",
        "Une coroutine exécutée jusqu'au bout par la boucle : elle affiche, dort 1 s, affiche encore, renvoie son carré."),
    preset!("square_nested_await", "seeds", "square: a coroutine awaits another", "square : une coroutine en attend une autre",
        "main() awaits square() three times: each waits for the previous one, 3 s in all.",
        "main() attend square() trois fois : chacune attend la précédente, 3 s en tout."),
    preset!("square_gather", "seeds", "square with gather", "square avec gather",
        "gather runs the three squares together: all three sleep at once, 1 s in all, results in order.",
        "gather exécute les trois carrés ensemble : ils dorment en même temps, 1 s en tout, résultats dans l'ordre."),
    preset!("hello_world_task", "seeds", "Hello world as a task", "Hello world en tâche",
        "loop.create_task wraps the coroutine in a Task; run_until_complete runs the loop until it ends.",
        "loop.create_task enveloppe la coroutine dans une Task ; run_until_complete fait tourner la boucle jusqu'à sa fin."),
    preset!("count_sync", "seeds", "Counting, blocking", "Compter, en bloquant",
        "time.sleep blocks: the second counter starts only when the first is done.",
        "time.sleep bloque : le second compteur ne démarre qu'une fois le premier fini."),
    preset!("count_async", "seeds", "Counting, interleaved", "Compter, entrelacé",
        "await asyncio.sleep gives the loop back: the two counters take turns.",
        "await asyncio.sleep rend la main à la boucle : les deux compteurs alternent."),
    preset!("sum_sync", "seeds", "sum, synchronous", "sum, synchrone",
        "Two sums one after the other with time.sleep: 5 s.",
        "Deux sommes l'une après l'autre avec time.sleep : 5 s."),
    preset!("sum_async_blocking", "seeds", "sum, async but blocking", "sum, async mais bloquant",
        "async def with time.sleep inside: the tasks still run one at a time, 5 s. The loop is frozen.",
        "async def avec time.sleep dedans : les tâches passent encore une à une, 5 s. La boucle est gelée."),
    preset!("sum_async", "seeds", "sum, asynchronous", "sum, asynchrone",
        "With await asyncio.sleep the two sums interleave: 3 s instead of 5.",
        "Avec await asyncio.sleep les deux sommes s'entrelacent : 3 s au lieu de 5."),
    preset!("compute_print_sum_wait", "seeds", "compute / print_sum with wait", "compute / print_sum avec wait",
        "asyncio.wait on coroutines, as the tutorial writes it: Python 3.11 refuses it (TypeError). Wrap each in create_task to fix it.",
        "asyncio.wait sur des coroutines, comme l'écrit le tutoriel : Python 3.11 le refuse (TypeError). Enveloppez chacune dans create_task pour corriger."),
    preset!("gather_three_tasks_timing", "seeds", "Three tasks timed", "Trois tâches chronométrées",
        "Each task measures its own duration with time.time(): 2, 1 and 3 s, all within 3 s.",
        "Chaque tâche mesure sa durée avec time.time() : 2, 1 et 3 s, le tout en 3 s."),
    preset!("notebook_future", "seeds", "A future set by a task", "Un futur rempli par une tâche",
        "main awaits a Future that another task completes with set_result(randint(100, 999)).",
        "main attend un Future qu'une autre tâche complète avec set_result(randint(100, 999))."),
    preset!("exercise_add_and_sleep", "seeds", "Exercise: add and sleep", "Exercice : additionner et dormir",
        "The tutorial's exercise: add two numbers, sleep that many seconds, return the sum.",
        "L'exercice du tutoriel : additionner deux nombres, dormir autant de secondes, renvoyer la somme."),
    preset!("wait_for_timeout", "next", "wait_for with a timeout", "wait_for avec un délai",
        "wait_for cancels what takes too long and raises TimeoutError; with more time it returns the answer.",
        "wait_for annule ce qui dure trop et lève TimeoutError ; avec plus de temps il renvoie la réponse."),
    preset!("task_cancel", "next", "Cancelling a task", "Annuler une tâche",
        "task.cancel() raises CancelledError inside the task at its await: it cleans up and re-raises.",
        "task.cancel() lève CancelledError dans la tâche à son await : elle nettoie et relance."),
    preset!("semaphore_limit", "next", "A Semaphore limits concurrency", "Un Semaphore limite la concurrence",
        "Five downloads, at most two at a time: the others wait at async with until a place frees up.",
        "Cinq téléchargements, au plus deux à la fois : les autres attendent à async with qu'une place se libère."),
    preset!("queue_workers", "next", "A Queue with workers", "Une Queue et des workers",
        "Two workers take jobs from a queue; queue.join() waits until every job is marked done.",
        "Deux workers prennent les travaux d'une file ; queue.join() attend que chacun soit marqué fini."),
    preset!("taskgroup", "next", "TaskGroup", "TaskGroup",
        "async with TaskGroup waits for every task created in it (Python 3.11).",
        "async with TaskGroup attend toutes les tâches créées dedans (Python 3.11)."),
    preset!("gather_return_exceptions", "next", "gather(return_exceptions=True)", "gather(return_exceptions=True)",
        "A failing job does not stop the others: its exception comes back in the results list.",
        "Un travail qui échoue n'arrête pas les autres : son exception revient dans la liste des résultats."),
    preset!("wait_first_completed", "next", "wait(FIRST_COMPLETED)", "wait(FIRST_COMPLETED)",
        "asyncio.wait returns as soon as one task is done; the others are still pending and get cancelled.",
        "asyncio.wait rend la main dès qu'une tâche a fini ; les autres sont encore en cours et sont annulées."),
];

/// The example the Python pane opens with.
pub const DEFAULT: &str = "say_after_create_task";

pub fn all() -> &'static [ProgramPreset] {
    PRESETS
}

pub fn find(id: &str) -> Option<&'static ProgramPreset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset whose source this is, as written (an edited program is no longer one).
pub fn matching(source: &str) -> Option<&'static ProgramPreset> {
    PRESETS.iter().find(|p| p.source == source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_program_in_presets_is_offered_once() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
        let mut on_disk = Vec::new();
        for folder in ["seeds", "next"] {
            for entry in std::fs::read_dir(root.join(folder)).expect("presets folder") {
                let path = entry.expect("entry").path();
                on_disk.push(
                    path.file_stem()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
        on_disk.sort();
        let mut offered: Vec<String> = all().iter().map(|p| p.id.to_owned()).collect();
        offered.sort();
        assert_eq!(offered, on_disk);
        assert!(find(DEFAULT).is_some());
        for preset in all() {
            assert_eq!(matching(preset.source).map(|p| p.id), Some(preset.id));
        }
    }
}
