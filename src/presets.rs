//! Every example of the seed tutorials (`shared/seeds/`), as a ready-to-run scenario with a
//! short explanation in French and in English.

use std::rc::Rc;

use crate::pyvalue::PyValue;
use crate::scenario::{Coroutine, Scenario, Seconds, Step, Strategy};

pub struct Preset {
    pub id: &'static str,
    pub title_en: &'static str,
    pub title_fr: &'static str,
    pub explain_en: &'static str,
    pub explain_fr: &'static str,
    build: fn() -> Scenario,
}

impl Preset {
    pub fn scenario(&self) -> Scenario {
        (self.build)()
    }
}

pub fn all() -> &'static [Preset] {
    PRESETS
}

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset a first visit opens.
pub const DEFAULT: &str = "square_gather";

fn print(text: &str) -> Step {
    Step::Print(text.into())
}

fn sleep(seconds: f64) -> Step {
    Step::Sleep(Seconds::new(seconds))
}

fn block(seconds: f64) -> Step {
    Step::Block(Seconds::new(seconds))
}

fn int(n: i64) -> PyValue {
    PyValue::Int(n.to_string())
}

fn coroutine(name: &str, steps: Vec<Step>, returns: PyValue) -> Rc<Coroutine> {
    Rc::new(Coroutine {
        name: name.to_owned(),
        steps,
        returns,
    })
}

fn scenario(title: &str, strategy: Strategy, tasks: Vec<Rc<Coroutine>>) -> Scenario {
    Scenario {
        title: Some(title.to_owned()),
        strategy,
        time_scale: 1.0,
        tasks,
    }
}

fn squares(title: &str, strategy: Strategy) -> Scenario {
    let tasks = (1..=3)
        .map(|x| {
            coroutine(
                &format!("square({x})"),
                vec![
                    print(&format!("Square {x}")),
                    sleep(1.0),
                    print(&format!("End square {x}")),
                ],
                int(x * x),
            )
        })
        .collect();
    scenario(title, strategy, tasks)
}

fn say_after(delay: f64, what: &str) -> Rc<Coroutine> {
    coroutine(
        &format!("say_after({delay}, '{what}')"),
        vec![
            print(&format!("before {what}")),
            sleep(delay),
            print(&format!("after  {what}")),
        ],
        PyValue::None,
    )
}

fn counting(strategy: Strategy, wait: fn(f64) -> Step) -> Scenario {
    let count = |name: &str, offset: i64| {
        let steps = (0..5)
            .flat_map(|i| [print(&(i + offset).to_string()), wait(1.0)])
            .collect();
        coroutine(name, steps, PyValue::None)
    };
    let title = if strategy == Strategy::Sequential {
        "p1() then p2() with time.sleep"
    } else {
        "p1() and p2() with asyncio.gather"
    };
    scenario(title, strategy, vec![count("p1", 0), count("p2", 10)])
}

fn sums(title: &str, strategy: Strategy, wait: fn(f64) -> Step) -> Scenario {
    let sum = |name: &str, numbers: &[i64]| {
        let mut total = 0;
        let mut steps = Vec::new();
        for n in numbers {
            steps.push(print(&format!("Task {name}: Computing {total}+{n}")));
            steps.push(wait(1.0));
            total += n;
        }
        steps.push(print(&format!("Task {name}: Sum = {total}")));
        coroutine(&format!("sum(\"{name}\")"), steps, PyValue::None)
    };
    scenario(
        title,
        strategy,
        vec![sum("A", &[1, 2]), sum("B", &[1, 2, 3])],
    )
}

fn add(x: i64, y: i64) -> Rc<Coroutine> {
    let total = x + y;
    coroutine(
        &format!("add({x}, {y})"),
        vec![
            print(&format!("{x} + {y} = {total}, sleeping {total} s")),
            sleep(total as f64),
            print(&format!("Woke up after {total} s")),
        ],
        int(total),
    )
}

static PRESETS: &[Preset] = &[
    Preset {
        id: "square_gather",
        title_en: "square(1..3) with gather",
        title_fr: "square(1..3) avec gather",
        explain_en: "Three coroutines that each sleep one second, started together by asyncio.gather: they wait at the same time, so the whole run takes one second, and the results come back in the order they were submitted.",
        explain_fr: "Trois coroutines qui dorment chacune une seconde, lancées ensemble par asyncio.gather : elles attendent en même temps, le tout dure une seconde, et les résultats reviennent dans l'ordre de soumission.",
        build: || squares("square(1), square(2), square(3) with asyncio.gather", Strategy::Gather),
    },
    Preset {
        id: "square_sequential",
        title_en: "square(1..3) one after another",
        title_fr: "square(1..3) l'un après l'autre",
        explain_en: "The same three coroutines awaited one after the other: each waits for the previous one to finish, so the computer sits idle for three seconds in a row.",
        explain_fr: "Les mêmes trois coroutines attendues l'une après l'autre : chacune attend la fin de la précédente, et l'ordinateur reste inactif trois secondes d'affilée.",
        build: || squares("square(1), square(2), square(3) one after another", Strategy::Sequential),
    },
    Preset {
        id: "square_as_completed",
        title_en: "square(1..3) with as_completed",
        title_fr: "square(1..3) avec as_completed",
        explain_en: "asyncio.as_completed hands each result to main() as soon as its coroutine finishes, instead of waiting for all of them. Here the three sleeps end at the same instant: the loop wakes all three tasks first, then main() takes their results one by one.",
        explain_fr: "asyncio.as_completed donne chaque résultat à main() dès que sa coroutine se termine, sans attendre toutes les autres. Ici les trois pauses finissent au même instant : la boucle réveille d'abord les trois tâches, puis main() prend leurs résultats un par un.",
        build: || squares("square(1), square(2), square(3) with asyncio.as_completed", Strategy::AsCompleted),
    },
    Preset {
        id: "square_compute",
        title_en: "square awaits compute_square",
        title_fr: "square attend compute_square",
        explain_en: "A coroutine can await another coroutine: square(x) awaits compute_square(x), which does the sleeping. The nested call runs inside the same task.",
        explain_fr: "Une coroutine peut en attendre une autre : square(x) attend compute_square(x), qui fait la pause. L'appel imbriqué s'exécute dans la même tâche.",
        build: || {
            let tasks = (1..=3)
                .map(|x| {
                    let inner = coroutine(&format!("compute_square({x})"), vec![sleep(1.0)], int(x * x));
                    coroutine(
                        &format!("square({x})"),
                        vec![print(&format!("Square {x}")), Step::Await(inner), print(&format!("End square {x}"))],
                        int(x * x),
                    )
                })
                .collect();
            scenario("square(x) awaits compute_square(x)", Strategy::Gather, tasks)
        },
    },
    Preset {
        id: "say_after_create_task",
        title_en: "Hello / World with create_task",
        title_fr: "Hello / World avec create_task",
        explain_en: "create_task starts both coroutines at once; awaiting task1 then task2 takes two seconds in all, not three.",
        explain_fr: "create_task lance les deux coroutines tout de suite ; attendre task1 puis task2 prend deux secondes en tout, pas trois.",
        build: || {
            let hello = coroutine("say_after(1, 'Hello')", vec![sleep(1.0), print("Hello")], PyValue::None);
            let world = coroutine("say_after(2, 'World')", vec![sleep(2.0), print("World")], PyValue::None);
            scenario("say_after with asyncio.create_task", Strategy::CreateTask, vec![hello, world])
        },
    },
    Preset {
        id: "say_after_sequential",
        title_en: "hello / world / !!!!! one after another",
        title_fr: "hello / world / !!!!! l'un après l'autre",
        explain_en: "Awaiting say_after three times in a row: 1 + 2 + 1 = 4 seconds.",
        explain_fr: "Attendre say_after trois fois de suite : 1 + 2 + 1 = 4 secondes.",
        build: || {
            scenario(
                "await say_after(...) three times",
                Strategy::Sequential,
                vec![say_after(1.0, "hello"), say_after(2.0, "world"), say_after(1.0, "!!!!!")],
            )
        },
    },
    Preset {
        id: "say_after_gather",
        title_en: "hello / world / !!!!! with gather",
        title_fr: "hello / world / !!!!! avec gather",
        explain_en: "The same three calls with asyncio.gather: the run lasts as long as the longest one, two seconds.",
        explain_fr: "Les mêmes trois appels avec asyncio.gather : l'exécution dure autant que le plus long, deux secondes.",
        build: || {
            scenario(
                "say_after(...) three times with asyncio.gather",
                Strategy::Gather,
                vec![say_after(1.0, "hello"), say_after(2.0, "world"), say_after(1.0, "!!!!!")],
            )
        },
    },
    Preset {
        id: "count_sync",
        title_en: "p1 / p2 counting, synchronous",
        title_fr: "p1 / p2 qui comptent, synchrone",
        explain_en: "p1 counts 0..4 and p2 counts 10..14, each with time.sleep(1): ten seconds, one after the other.",
        explain_fr: "p1 compte de 0 à 4 et p2 de 10 à 14, chacun avec time.sleep(1) : dix secondes, l'un après l'autre.",
        build: || counting(Strategy::Sequential, block),
    },
    Preset {
        id: "count_async",
        title_en: "p1 / p2 counting with gather",
        title_fr: "p1 / p2 qui comptent avec gather",
        explain_en: "The same counters with await asyncio.sleep(1) and gather: they take turns while the other sleeps, five seconds in all.",
        explain_fr: "Les mêmes compteurs avec await asyncio.sleep(1) et gather : ils se relaient pendant que l'autre dort, cinq secondes en tout.",
        build: || counting(Strategy::Gather, sleep),
    },
    Preset {
        id: "sum_sync",
        title_en: "sum A / B, synchronous",
        title_fr: "somme A / B, synchrone",
        explain_en: "Two sums, one second per number, computed one after the other: 2 + 3 = 5 seconds.",
        explain_fr: "Deux sommes, une seconde par nombre, calculées l'une après l'autre : 2 + 3 = 5 secondes.",
        build: || sums("sum A and B, synchronous", Strategy::Sequential, block),
    },
    Preset {
        id: "sum_async_blocking",
        title_en: "sum A / B: async with time.sleep (the mistake)",
        title_fr: "somme A / B : async avec time.sleep (l'erreur)",
        explain_en: "async def does not make time.sleep asynchronous: it freezes the whole event loop, so the tasks still take 5 seconds.",
        explain_fr: "async def ne rend pas time.sleep asynchrone : il gèle toute la boucle d'événements, et les tâches prennent toujours 5 secondes.",
        build: || sums("sum A and B as tasks, with the blocking time.sleep", Strategy::CreateTask, block),
    },
    Preset {
        id: "sum_async",
        title_en: "sum A / B: async done right",
        title_fr: "somme A / B : async bien fait",
        explain_en: "With await asyncio.sleep(1) the loop runs the other task while one waits: 3 seconds, the length of the longer sum.",
        explain_fr: "Avec await asyncio.sleep(1), la boucle fait avancer l'autre tâche pendant l'attente : 3 secondes, la durée de la plus longue somme.",
        build: || sums("sum A and B as tasks, with asyncio.sleep", Strategy::CreateTask, sleep),
    },
    Preset {
        id: "compute_print_sum",
        title_en: "compute / print_sum / dosomethingelse",
        title_fr: "compute / print_sum / dosomethingelse",
        explain_en: "print_sum awaits compute; dosomethingelse runs while compute sleeps. The tutorial uses asyncio.wait; gather runs the same way and also collects the results.",
        explain_fr: "print_sum attend compute ; dosomethingelse s'exécute pendant que compute dort. Le tutoriel utilise asyncio.wait ; gather se déroule de la même façon et récupère aussi les résultats.",
        build: || {
            let compute = |x: i64, y: i64| {
                coroutine(
                    &format!("compute({x}, {y})"),
                    vec![print(&format!("Compute {x} + {y} ...")), sleep(1.0)],
                    int(x + y),
                )
            };
            let print_sum = coroutine(
                "print_sum(1, 2)",
                vec![Step::Await(compute(1, 2)), print("1 + 2 = 3")],
                PyValue::None,
            );
            let something_else = coroutine(
                "dosomethingelse()",
                vec![print("I've got a lovely bunch of coconuts")],
                PyValue::None,
            );
            scenario(
                "print_sum, dosomethingelse and compute",
                Strategy::Gather,
                vec![print_sum, something_else, compute(2, 4)],
            )
        },
    },
    Preset {
        id: "task_name_delay",
        title_en: "task(name, delay) with gather",
        title_fr: "task(name, delay) avec gather",
        explain_en: "Three tasks of 2, 1 and 3 seconds gathered: each one ends after its own delay, and the whole run after the longest, 3 seconds.",
        explain_fr: "Trois tâches de 2, 1 et 3 secondes réunies par gather : chacune finit après son propre délai, et le tout après la plus longue, 3 secondes.",
        build: || {
            let task = |name: &str, delay: f64| {
                coroutine(
                    &format!("task(\"{name}\", {delay})"),
                    vec![
                        print(&format!("[{name}] Début de la tâche...")),
                        sleep(delay),
                        print(&format!("[{name}] Tâche terminée après {delay:.2} secondes.")),
                    ],
                    PyValue::None,
                )
            };
            scenario(
                "task(name, delay) with asyncio.gather",
                Strategy::Gather,
                vec![task("Tâche 1", 2.0), task("Tâche 2", 1.0), task("Tâche 3", 3.0)],
            )
        },
    },
    Preset {
        id: "exercise_add_once",
        title_en: "Exercise: add, then sleep the sum",
        title_fr: "Exercice : additionner, puis dormir la somme",
        explain_en: "Exercise 1: a coroutine adds two numbers and sleeps that many seconds, run once by the event loop.",
        explain_fr: "Exercice 1 : une coroutine additionne deux nombres et dort autant de secondes, lancée une fois par la boucle.",
        build: || scenario("add(1, 2) once", Strategy::Sequential, vec![add(1, 2)]),
    },
    Preset {
        id: "exercise_add_twice",
        title_en: "Exercise: two sums at once",
        title_fr: "Exercice : deux sommes en même temps",
        explain_en: "Exercise 2: two calls of the sum coroutine organised by gather: 4 seconds instead of 3 + 4 = 7.",
        explain_fr: "Exercice 2 : deux appels de la coroutine somme organisés par gather : 4 secondes au lieu de 3 + 4 = 7.",
        build: || scenario("add(1, 2) and add(2, 2) with asyncio.gather", Strategy::Gather, vec![add(1, 2), add(2, 2)]),
    },
    Preset {
        id: "hello_world_task",
        title_en: "hello_world as a task",
        title_fr: "hello_world en tâche",
        explain_en: "The smallest coroutine of the tutorial: print, sleep a second, print again, run as a task.",
        explain_fr: "La plus petite coroutine du tutoriel : afficher, dormir une seconde, afficher encore, lancée comme une tâche.",
        build: || {
            let hello = coroutine(
                "hello_world()",
                vec![print("Hello, World!"), sleep(1.0), print("Hello again!")],
                PyValue::None,
            );
            scenario("hello_world() as a task", Strategy::CreateTask, vec![hello])
        },
    },
];
