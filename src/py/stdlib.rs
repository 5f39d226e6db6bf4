//! The standard library modules programs use besides asyncio: `time` (on the logical clock),
//! `random` (CPython's Mersenne Twister, bit for bit), `math`, `sys`, and small pure-Python
//! modules (`functools`, `itertools`, `collections`…) written for the playground.

use std::rc::Rc;

use super::bigint::BigInt;
use super::builtins::{arity, int_arg, kwarg, native, set_global, Args, Kwargs};
use super::ops::{self, type_name};
use super::value::*;
use super::vm::{Flow, NativeFn, Res, Vm};

// ----- random ------------------------------------------------------------------------------------

const N: usize = 624;
const M: usize = 397;

/// MT19937 as CPython's `_random` module runs it.
pub struct Random {
    state: [u32; N],
    index: usize,
    /// `gauss` draws two values at a time and keeps the second for the next call.
    gauss_next: Option<f64>,
}

impl Default for Random {
    fn default() -> Self {
        Random::new()
    }
}

impl Random {
    pub fn new() -> Random {
        let mut random = Random {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        random.seed_words(&[0x5eed]);
        random
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: CPython seeds with the 32-bit words of `abs(n)`, least significant first.
    pub fn seed_words(&mut self, key: &[u32]) {
        self.gauss_next = None;
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    pub fn seed_int(&mut self, n: &BigInt) {
        let magnitude = n.abs();
        let words = magnitude.magnitude_words();
        if words.is_empty() {
            self.seed_words(&[0]);
        } else {
            let words = words.to_vec();
            self.seed_words(&words);
        }
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for kk in 0..N {
                let y = (self.state[kk] & 0x8000_0000) | (self.state[(kk + 1) % N] & 0x7fff_ffff);
                let mut value = self.state[(kk + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    value ^= 0x9908_b0df;
                }
                self.state[kk] = value;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`.
    pub fn bits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from_i64(i64::from(self.next_u32() >> (32 - k)));
        }
        let mut result = BigInt::zero();
        let mut remaining = k;
        let mut shift = 0u64;
        while remaining > 0 {
            let mut word = self.next_u32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            result = result.add(&BigInt::from_i64(i64::from(word)).shl(shift));
            shift += 32;
            remaining = remaining.saturating_sub(32);
        }
        result
    }

    /// `_randbelow(n)` for `n > 0`.
    pub fn below(&mut self, n: &BigInt) -> BigInt {
        let k = n.bit_length();
        loop {
            let r = self.bits(k);
            if r < *n {
                return r;
            }
        }
    }

    pub fn below_small(&mut self, n: i64) -> i64 {
        self.below(&BigInt::from_i64(n)).to_i64().unwrap_or(0)
    }
}

fn random_random(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "random", &args, 0, 0)?;
    Ok(Value::Float(vm.random.random()))
}

/// A fresh generator state for a `random.Random` instance.
fn random_new_state(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_new_state", &args, 0, 0)?;
    let class = vm.types.object.clone();
    Ok(Value::Object(Object::new(
        class,
        Native::Random(Box::default()),
    )))
}

/// Exchanges the module's generator with an instance's: the module's functions then draw
/// from the instance (`random.Random` runs each method between two swaps).
fn random_swap_state(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_swap_state", &args, 1, 1)?;
    if let Value::Object(o) = &args[0] {
        if let Native::Random(state) = &mut *o.native.borrow_mut() {
            std::mem::swap(&mut **state, &mut vm.random);
            return Ok(Value::None);
        }
    }
    vm.type_error("_swap_state() needs a generator state")
}

fn random_seed(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let value = args
        .first()
        .cloned()
        .or_else(|| kwarg(&kwargs, "a"))
        .unwrap_or(Value::None);
    match &value {
        Value::None => {
            let epoch = vm.host.epoch();
            vm.random
                .seed_words(&[epoch.to_bits() as u32, (epoch.to_bits() >> 32) as u32]);
        }
        Value::Int(i) => vm.random.seed_int(&BigInt::from_i64(*i)),
        Value::Bool(b) => vm.random.seed_int(&BigInt::from_i64(i64::from(*b))),
        Value::Big(b) => vm.random.seed_int(b),
        Value::Float(_) => {
            // As CPython: the hash as an unsigned machine word, in as few 32-bit words as hold it.
            let h = super::builtins::python_hash(vm, &value)? as u64;
            let words = [h as u32, (h >> 32) as u32];
            vm.random
                .seed_words(if h >> 32 == 0 { &words[..1] } else { &words });
        }
        Value::Str(_) | Value::Bytes(_) => {
            // As CPython: the number whose big-endian bytes are the text's UTF-8 bytes (or the
            // bytes) followed by their SHA-512 digest, in 32-bit words from the least
            // significant.
            use sha2::Digest;
            let seed: &[u8] = match &value {
                Value::Str(s) => s.as_bytes(),
                Value::Bytes(b) => b,
                _ => &[],
            };
            let mut bytes = seed.to_vec();
            bytes.extend_from_slice(&sha2::Sha512::digest(seed));
            let mut words: Vec<u32> = bytes
                .rchunks(4)
                .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
                .collect();
            while words.last() == Some(&0) {
                words.pop();
            }
            vm.random
                .seed_words(if words.is_empty() { &[0] } else { &words });
        }
        other => {
            let name = type_name(vm, other);
            return vm.type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Got {name}"
            ));
        }
    }
    Ok(Value::None)
}

fn to_big(vm: &mut Vm, value: &Value) -> Res<BigInt> {
    match value {
        Value::Int(i) => Ok(BigInt::from_i64(*i)),
        Value::Bool(b) => Ok(BigInt::from_i64(i64::from(*b))),
        Value::Big(b) => Ok((**b).clone()),
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            ))
        }
    }
}

fn randrange(vm: &mut Vm, start: &Value, stop: Option<&Value>, step: Option<&Value>) -> Res<Value> {
    let start_big = to_big(vm, start)?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if start_big.is_negative() || start_big.is_zero() {
            return vm.err("ValueError", "empty range for randrange()");
        }
        let r = vm.random.below(&start_big);
        return Ok(Value::from_big(r));
    };
    let stop_big = to_big(vm, stop)?;
    let step_big = match step {
        Some(s) => to_big(vm, s)?,
        None => BigInt::from_i64(1),
    };
    let width = stop_big.sub(&start_big);
    if step_big == BigInt::from_i64(1) {
        if width.is_negative() || width.is_zero() {
            let (a, b) = (start_big.to_decimal(), stop_big.to_decimal());
            return vm.err(
                "ValueError",
                format!(
                    "empty range for randrange() ({a}, {b}, {})",
                    width.to_decimal()
                ),
            );
        }
        let r = vm.random.below(&width);
        return Ok(Value::from_big(start_big.add(&r)));
    }
    if step_big.is_zero() {
        return vm.err("ValueError", "zero step for randrange()");
    }
    // n = (width + step - 1) // step for a positive step, (width + step + 1) // step otherwise.
    let adjust = if step_big.is_negative() {
        BigInt::from_i64(1)
    } else {
        BigInt::from_i64(-1)
    };
    let n = width
        .add(&step_big)
        .add(&adjust)
        .divmod(&step_big)
        .map(|(q, _)| q)
        .unwrap_or_else(BigInt::zero);
    if n.is_negative() || n.is_zero() {
        return vm.err("ValueError", "empty range for randrange()");
    }
    let r = vm.random.below(&n);
    Ok(Value::from_big(start_big.add(&step_big.mul(&r))))
}

fn random_randrange(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "randrange", &args, 1, 3)?;
    randrange(vm, &args[0], args.get(1), args.get(2))
}

fn random_randint(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error(format!(
            "Random.randint() missing {} required positional argument{}",
            2usize.saturating_sub(args.len()),
            if args.len() == 1 {
                ": 'b'"
            } else {
                "s: 'a' and 'b'"
            }
        ));
    }
    let stop = ops::binary(
        vm,
        super::ast::BinOp::Add,
        args[1].clone(),
        Value::Int(1),
        false,
    )?;
    randrange(vm, &args[0], Some(&stop), None)
}

fn random_uniform(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "uniform", &args, 2, 2)?;
    let a = ops::to_f64(vm, &args[0])?;
    let b = ops::to_f64(vm, &args[1])?;
    let r = vm.random.random();
    Ok(Value::Float(a + (b - a) * r))
}

fn random_choice(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "choice", &args, 1, 1)?;
    let len = super::builtins::len_of(vm, &args[0])?;
    if len == 0 {
        return vm.err("IndexError", "Cannot choose from an empty sequence");
    }
    let i = vm.random.below_small(len as i64);
    ops::subscript(vm, args[0].clone(), Value::Int(i))
}

fn random_choices(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let population = args
        .first()
        .cloned()
        .or_else(|| kwarg(&kwargs, "population"))
        .unwrap_or(Value::None);
    let items = ops::collect(vm, population)?;
    let k = match args.get(2).cloned().or_else(|| kwarg(&kwargs, "k")) {
        Some(v) => int_arg(vm, &v)?,
        None => 1,
    };
    let weights = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(&kwargs, "weights"))
        .filter(|w| !w.is_none());
    let cum = kwarg(&kwargs, "cum_weights").filter(|w| !w.is_none());
    let n = items.len();
    let mut out = Vec::new();
    if weights.is_none() && cum.is_none() {
        if n == 0 {
            return vm.err("IndexError", "Cannot choose from an empty population");
        }
        for _ in 0..k.max(0) {
            let i = (vm.random.random() * n as f64).floor() as usize;
            out.push(items[i.min(n - 1)].clone());
        }
        return Ok(Value::list(out));
    }
    let cumulative: Vec<f64> = match (weights, cum) {
        (Some(w), _) => {
            let w = ops::collect(vm, w)?;
            let mut total = 0.0;
            let mut c = Vec::new();
            for x in w {
                total += ops::to_f64(vm, &x)?;
                c.push(total);
            }
            c
        }
        (None, Some(c)) => {
            let c = ops::collect(vm, c)?;
            let mut out = Vec::new();
            for x in c {
                out.push(ops::to_f64(vm, &x)?);
            }
            out
        }
        _ => Vec::new(),
    };
    if cumulative.len() != n {
        return vm.err(
            "ValueError",
            "The number of weights does not match the population",
        );
    }
    let total = cumulative.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return vm.err("ValueError", "Total of weights must be greater than zero");
    }
    for _ in 0..k.max(0) {
        let x = vm.random.random() * total;
        // bisect_right over cum_weights[0:n-1].
        let hi = n - 1;
        let at = cumulative[..hi].partition_point(|&c| c <= x);
        out.push(items[at].clone());
    }
    Ok(Value::list(out))
}

fn random_shuffle(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "shuffle", &args, 1, 1)?;
    let Value::List(list) = &args[0] else {
        let name = type_name(vm, &args[0]);
        return vm.type_error(format!("'{name}' object does not support item assignment"));
    };
    let len = list.borrow().len();
    for i in (1..len).rev() {
        let j = vm.random.below_small(i as i64 + 1) as usize;
        list.borrow_mut().swap(i, j);
    }
    Ok(Value::None)
}

fn random_sample(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let population = args.first().cloned().unwrap_or(Value::None);
    if matches!(population, Value::Set(_) | Value::Dict(_)) {
        return vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    let items = ops::collect(vm, population)?;
    let k = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "k")) {
        Some(v) => int_arg(vm, &v)?,
        None => {
            return vm.type_error("Random.sample() missing 1 required positional argument: 'k'")
        }
    };
    let n = items.len() as i64;
    if k < 0 || k > n {
        return vm.err("ValueError", "Sample larger than population or is negative");
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let exponent = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
        setsize += 4usize.pow(exponent);
    }
    let mut result = Vec::with_capacity(k);
    if (n as usize) <= setsize {
        let mut pool = items.clone();
        for i in 0..k {
            let j = vm.random.below_small(n - i as i64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n as usize - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = vm.random.below_small(n);
            while selected.contains(&j) {
                j = vm.random.below_small(n);
            }
            selected.insert(j);
            result.push(items[j as usize].clone());
        }
    }
    Ok(Value::list(result))
}

/// `random.getstate()`: CPython's version 3, the 624 words and the position, `gauss`'s
/// kept value.
fn random_getstate(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "getstate", &args, 0, 0)?;
    let random = &vm.random;
    let mut words: Vec<Value> = random
        .state
        .iter()
        .map(|&w| Value::Int(i64::from(w)))
        .collect();
    words.push(Value::Int(random.index as i64));
    let gauss = random.gauss_next.map_or(Value::None, Value::Float);
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(words),
        gauss,
    ]))
}

fn random_setstate(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "setstate", &args, 1, 1)?;
    let index = |vm: &mut Vm, i: i64| ops::subscript(vm, args[0].clone(), Value::Int(i));
    let version = index(vm, 0)?;
    if !matches!(version, Value::Int(2) | Value::Int(3)) {
        let shown = super::format::repr(vm, &version)?;
        return vm.err(
            "ValueError",
            format!("state with version {shown} passed to Random.setstate() of version 3"),
        );
    }
    let words = index(vm, 1)?;
    let gauss = index(vm, 2)?;
    let words = match &words {
        Value::Tuple(items) => items.clone(),
        _ => return vm.type_error("state vector must be a tuple"),
    };
    if words.len() != N + 1 {
        return vm.err("ValueError", "state vector is the wrong size");
    }
    let mut state = [0u32; N];
    for (slot, word) in state.iter_mut().zip(words.iter()) {
        *slot = (int_arg(vm, word)? & 0xffff_ffff) as u32;
    }
    let position = int_arg(vm, &words[N])?;
    if !(0..=N as i64).contains(&position) {
        return vm.err("ValueError", "invalid state");
    }
    let gauss_next = match gauss {
        Value::None => None,
        other => Some(ops::to_f64(vm, &other)?),
    };
    vm.random.state = state;
    vm.random.index = position as usize;
    vm.random.gauss_next = gauss_next;
    Ok(Value::None)
}

fn random_getrandbits(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "getrandbits", &args, 1, 1)?;
    let k = int_arg(vm, &args[0])?;
    if k < 0 {
        return vm.err("ValueError", "number of bits must be non-negative");
    }
    let bits = vm.random.bits(k as u64);
    Ok(Value::from_big(bits))
}

fn mu_sigma(vm: &mut Vm, args: &Args, kwargs: &Kwargs) -> Res<(f64, f64)> {
    let mu = match args.first().cloned().or_else(|| kwarg(kwargs, "mu")) {
        Some(v) => ops::to_f64(vm, &v)?,
        None => 0.0,
    };
    let sigma = match args.get(1).cloned().or_else(|| kwarg(kwargs, "sigma")) {
        Some(v) => ops::to_f64(vm, &v)?,
        None => 1.0,
    };
    Ok((mu, sigma))
}

/// `random.normalvariate`: Kinderman and Monahan's method, as CPython draws it.
fn random_normalvariate(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let (mu, sigma) = mu_sigma(vm, &args, &kwargs)?;
    let magic = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    loop {
        let u1 = vm.random.random();
        let u2 = 1.0 - vm.random.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            return Ok(Value::Float(mu + z * sigma));
        }
    }
}

/// `random.gauss`: Box-Muller, two values per draw (the second kept for the next call).
fn random_gauss(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let (mu, sigma) = mu_sigma(vm, &args, &kwargs)?;
    let z = match vm.random.gauss_next.take() {
        Some(z) => z,
        None => {
            let angle = vm.random.random() * std::f64::consts::TAU;
            let radius = (-2.0 * (1.0 - vm.random.random()).ln()).sqrt();
            vm.random.gauss_next = Some(angle.sin() * radius);
            angle.cos() * radius
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

// ----- time --------------------------------------------------------------------------------------

fn time_time(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Float(vm.host.epoch() + vm.now))
}

fn time_monotonic(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Float(vm.now))
}

fn time_sleep(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "sleep", &args, 1, 1)?;
    let seconds = match &args[0] {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Big(_) => {
            ops::to_f64(vm, &args[0])?
        }
        other => {
            let name = type_name(vm, other);
            return vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            ));
        }
    };
    if seconds < 0.0 {
        return vm.err("ValueError", "sleep length must be non-negative");
    }
    Err(Flow::Block(seconds))
}

/// A broken-down time: (year, month, day, hour, minute, second, weekday 0=Monday, yearday).
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub weekday: u32,
    pub yearday: u32,
}

pub fn civil_from_epoch(seconds: i64) -> Civil {
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yearday = starts[(month - 1) as usize] + day + u32::from(leap && month > 2);
    Civil {
        year,
        month,
        day,
        hour: (rem / 3600) as u32,
        minute: (rem % 3600 / 60) as u32,
        second: (rem % 60) as u32,
        weekday: (days + 3).rem_euclid(7) as u32,
        yearday,
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn strftime(format: &str, t: &Civil) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(code) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
        let piece = match code {
            'Y' => t.year.to_string(),
            'y' => format!("{:02}", t.year.rem_euclid(100)),
            'm' => format!("{:02}", t.month),
            'd' => format!("{:02}", t.day),
            'e' => format!("{:2}", t.day),
            'H' => format!("{:02}", t.hour),
            'I' => format!("{:02}", hour12),
            'M' => format!("{:02}", t.minute),
            'S' => format!("{:02}", t.second),
            'p' => if t.hour < 12 { "AM" } else { "PM" }.to_owned(),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second),
            'R' => format!("{:02}:{:02}", t.hour, t.minute),
            'x' | 'D' => format!("{:02}/{:02}/{:02}", t.month, t.day, t.year.rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", t.year, t.month, t.day),
            'c' => format!(
                "{} {} {:2} {:02}:{:02}:{:02} {}",
                &DAYS[t.weekday as usize][..3],
                &MONTHS[(t.month - 1) as usize][..3],
                t.day,
                t.hour,
                t.minute,
                t.second,
                t.year
            ),
            'a' => DAYS[t.weekday as usize][..3].to_owned(),
            'A' => DAYS[t.weekday as usize].to_owned(),
            'b' | 'h' => MONTHS[(t.month - 1) as usize][..3].to_owned(),
            'B' => MONTHS[(t.month - 1) as usize].to_owned(),
            'j' => format!("{:03}", t.yearday),
            'w' => ((t.weekday + 1) % 7).to_string(),
            'u' => (t.weekday + 1).to_string(),
            'Z' => "UTC".to_owned(),
            'z' => "+0000".to_owned(),
            '%' => "%".to_owned(),
            'n' => "\n".to_owned(),
            't' => "\t".to_owned(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

/// The civil time of `time.localtime(seconds)` (or of now).
fn local_civil(vm: &mut Vm, seconds: Option<&Value>) -> Res<Civil> {
    let epoch = match seconds.filter(|s| !s.is_none()) {
        Some(v) => ops::to_f64(vm, v)?,
        None => vm.host.epoch() + vm.now,
    };
    let offset = vm.host.utc_offset(epoch);
    Ok(civil_from_epoch(epoch.floor() as i64 + offset))
}

fn struct_time(vm: &mut Vm, t: &Civil) -> Value {
    let fields = [
        ("tm_year", t.year),
        ("tm_mon", i64::from(t.month)),
        ("tm_mday", i64::from(t.day)),
        ("tm_hour", i64::from(t.hour)),
        ("tm_min", i64::from(t.minute)),
        ("tm_sec", i64::from(t.second)),
        ("tm_wday", i64::from(t.weekday)),
        ("tm_yday", i64::from(t.yearday)),
        ("tm_isdst", 0),
    ];
    let class = vm.types.named("struct_time");
    let object = Object::new(class, Native::None);
    for (name, value) in fields {
        let symbol = vm.sym(name);
        object.attrs.borrow_mut().set(symbol, Value::Int(value));
    }
    Value::Object(object)
}

fn civil_of(vm: &mut Vm, value: &Value) -> Res<Civil> {
    let field = |vm: &mut Vm, name: &str, index: usize| -> Res<i64> {
        match value {
            Value::Tuple(items) => match items.get(index) {
                Some(v) => int_arg(vm, v),
                None => vm.type_error("function takes exactly 9 arguments"),
            },
            other => {
                let symbol = vm.sym(name);
                let v = ops::getattr(vm, other, symbol)?;
                int_arg(vm, &v)
            }
        }
    };
    Ok(Civil {
        year: field(vm, "tm_year", 0)?,
        month: field(vm, "tm_mon", 1)?.clamp(1, 12) as u32,
        day: field(vm, "tm_mday", 2)?.clamp(1, 31) as u32,
        hour: field(vm, "tm_hour", 3)?.clamp(0, 23) as u32,
        minute: field(vm, "tm_min", 4)?.clamp(0, 59) as u32,
        second: field(vm, "tm_sec", 5)?.clamp(0, 61) as u32,
        weekday: field(vm, "tm_wday", 6)?.rem_euclid(7) as u32,
        yearday: field(vm, "tm_yday", 7)?.clamp(1, 366) as u32,
    })
}

fn time_strftime(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "strftime", &args, 1, 2)?;
    let format = super::builtins::expect_str(vm, &args[0], "strftime() argument 1")?;
    let civil = match args.get(1) {
        Some(t) => civil_of(vm, t)?,
        None => local_civil(vm, None)?,
    };
    Ok(Value::Str(strftime(&format, &civil).into()))
}

fn time_localtime(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "localtime", &args, 0, 1)?;
    let civil = local_civil(vm, args.first())?;
    Ok(struct_time(vm, &civil))
}

fn time_gmtime(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "gmtime", &args, 0, 1)?;
    let epoch = match args.first().filter(|s| !s.is_none()) {
        Some(v) => ops::to_f64(vm, v)?,
        None => vm.host.epoch() + vm.now,
    };
    let civil = civil_from_epoch(epoch.floor() as i64);
    Ok(struct_time(vm, &civil))
}

fn time_ctime(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let civil = local_civil(vm, args.first())?;
    Ok(Value::Str(strftime("%c", &civil).into()))
}

/// `time.asctime(t)`: a struct_time (or 9-tuple), now's local time without one, as `ctime`
/// writes it.
fn time_asctime(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "asctime", &args, 0, 1)?;
    let civil = match args.first() {
        Some(t) => civil_of(vm, t)?,
        None => local_civil(vm, None)?,
    };
    Ok(Value::Str(strftime("%c", &civil).into()))
}

// ----- math --------------------------------------------------------------------------------------

fn float_arg(vm: &mut Vm, args: &Args, i: usize) -> Res<f64> {
    match args.get(i) {
        Some(v) => ops::to_f64(vm, v),
        None => vm.type_error("missing argument"),
    }
}

fn domain<T>(vm: &mut Vm) -> Res<T> {
    vm.err("ValueError", "math domain error")
}

fn math_result(vm: &mut Vm, x: f64, inputs_finite: bool) -> Res<Value> {
    if x.is_nan() && inputs_finite {
        return domain(vm);
    }
    if x.is_infinite() && inputs_finite {
        return vm.err("OverflowError", "math range error");
    }
    Ok(Value::Float(x))
}

macro_rules! unary_math {
    ($name:ident, $label:literal, $f:expr) => {
        fn $name(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
            arity(vm, $label, &args, 1, 1)?;
            let x = float_arg(vm, &args, 0)?;
            let f: fn(f64) -> f64 = $f;
            math_result(vm, f(x), x.is_finite())
        }
    };
}

unary_math!(math_exp, "exp", f64::exp);
unary_math!(math_sin, "sin", f64::sin);
unary_math!(math_cos, "cos", f64::cos);
unary_math!(math_tan, "tan", f64::tan);
unary_math!(math_asin, "asin", f64::asin);
unary_math!(math_acos, "acos", f64::acos);
unary_math!(math_atan, "atan", f64::atan);
unary_math!(math_fabs, "fabs", f64::abs);
unary_math!(math_degrees, "degrees", f64::to_degrees);
unary_math!(math_radians, "radians", f64::to_radians);
unary_math!(math_sinh, "sinh", f64::sinh);
unary_math!(math_cosh, "cosh", f64::cosh);
unary_math!(math_tanh, "tanh", f64::tanh);
unary_math!(math_asinh, "asinh", f64::asinh);
unary_math!(math_acosh, "acosh", f64::acosh);
unary_math!(math_atanh, "atanh", f64::atanh);
unary_math!(math_log1p, "log1p", f64::ln_1p);
unary_math!(math_expm1, "expm1", f64::exp_m1);
unary_math!(math_cbrt, "cbrt", f64::cbrt);
unary_math!(math_exp2, "exp2", f64::exp2);

fn math_isqrt(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "isqrt", &args, 1, 1)?;
    let n = int_arg(vm, &args[0])?;
    if n < 0 {
        return vm.err("ValueError", "isqrt() argument must be nonnegative");
    }
    // The float root, corrected to the exact floor.
    let mut root = (n as f64).sqrt() as i64;
    while root.checked_mul(root).is_none_or(|sq| sq > n) {
        root -= 1;
    }
    while (root + 1).checked_mul(root + 1).is_some_and(|sq| sq <= n) {
        root += 1;
    }
    Ok(Value::Int(root))
}

fn math_lcm(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let mut lcm: i64 = 1;
    for a in &args {
        let x = int_arg(vm, a)?.abs();
        if x == 0 {
            return Ok(Value::Int(0));
        }
        let (mut p, mut q) = (lcm, x);
        while q != 0 {
            (p, q) = (q, p % q);
        }
        lcm = match (lcm / p).checked_mul(x) {
            Some(v) => v,
            None => {
                return vm.err(
                    "OverflowError",
                    "integer too large for the playground's lcm",
                )
            }
        };
    }
    Ok(Value::Int(lcm))
}

fn math_perm(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "perm", &args, 1, 2)?;
    let n = int_arg(vm, &args[0])?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, v)?,
        _ => n,
    };
    if n < 0 {
        return vm.err("ValueError", "n must be a non-negative integer");
    }
    if k < 0 {
        return vm.err("ValueError", "k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut result = BigInt::from_i64(1);
    for i in 0..k {
        result = result.mul(&BigInt::from_i64(n - i));
    }
    Ok(Value::from_big(result))
}

fn math_dist(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "dist", &args, 2, 2)?;
    let p = ops::collect(vm, args[0].clone())?;
    let q = ops::collect(vm, args[1].clone())?;
    if p.len() != q.len() {
        return vm.err(
            "ValueError",
            "both points must have the same number of dimensions",
        );
    }
    let mut sum = 0.0;
    for (a, b) in p.iter().zip(&q) {
        let d = ops::to_f64(vm, a)? - ops::to_f64(vm, b)?;
        sum += d * d;
    }
    Ok(Value::Float(sum.sqrt()))
}

fn math_frexp(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "frexp", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut exponent = x.abs().log2().floor() as i64 + 1;
    let mut mantissa = x / 2f64.powi(exponent as i32);
    // Rounding in log2 may leave the mantissa just outside [0.5, 1).
    if mantissa.abs() >= 1.0 {
        mantissa /= 2.0;
        exponent += 1;
    } else if mantissa.abs() < 0.5 {
        mantissa *= 2.0;
        exponent -= 1;
    }
    Ok(Value::tuple(vec![
        Value::Float(mantissa),
        Value::Int(exponent),
    ]))
}

fn math_ldexp(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "ldexp", &args, 2, 2)?;
    let x = float_arg(vm, &args, 0)?;
    let e = int_arg(vm, &args[1])?.clamp(-2200, 2200) as i32;
    // In two steps, so that 2**e alone does not overflow or vanish before the product.
    let half = e / 2;
    math_result(vm, x * 2f64.powi(half) * 2f64.powi(e - half), x.is_finite())
}

fn math_sqrt(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "sqrt", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x < 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(x.sqrt()))
}

fn math_log(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "log", &args, 1, 2)?;
    let x = float_arg(vm, &args, 0)?;
    if x <= 0.0 {
        return domain(vm);
    }
    match args.get(1) {
        Some(base) => {
            let b = ops::to_f64(vm, base)?;
            if b <= 0.0 || b == 1.0 {
                return if b == 1.0 {
                    vm.err("ZeroDivisionError", "float division by zero")
                } else {
                    domain(vm)
                };
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
        None => Ok(Value::Float(x.ln())),
    }
}

fn math_log10(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "log10", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x <= 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(x.log10()))
}

fn math_log2(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "log2", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x <= 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(x.log2()))
}

fn math_pow(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "pow", &args, 2, 2)?;
    let x = float_arg(vm, &args, 0)?;
    let y = float_arg(vm, &args, 1)?;
    if x == 0.0 && y < 0.0 {
        return domain(vm);
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return domain(vm);
    }
    math_result(vm, x.powf(y), x.is_finite() && y.is_finite())
}

fn math_atan2(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "atan2", &args, 2, 2)?;
    let y = float_arg(vm, &args, 0)?;
    let x = float_arg(vm, &args, 1)?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let mut total = 0.0f64;
    for i in 0..args.len() {
        let x = float_arg(vm, &args, i)?;
        total = total.hypot(x);
    }
    Ok(Value::Float(total))
}

fn rounding(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> Res<Value> {
    arity(vm, name, &args, 1, 1)?;
    match &args[0] {
        Value::Int(_) | Value::Big(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        other => {
            let x = ops::to_f64(vm, other)?;
            super::builtins::float_to_int(vm, f(x))
        }
    }
}

fn math_floor(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    rounding(vm, args, "floor", f64::floor)
}

fn math_ceil(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn math_trunc(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn math_isclose(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    arity(vm, "isclose", &args, 2, 2)?;
    let a = float_arg(vm, &args, 0)?;
    let b = float_arg(vm, &args, 1)?;
    let rel = match kwarg(&kwargs, "rel_tol") {
        Some(v) => ops::to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs = match kwarg(&kwargs, "abs_tol") {
        Some(v) => ops::to_f64(vm, &v)?,
        None => 0.0,
    };
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn math_test(vm: &mut Vm, args: Args, name: &str, test: fn(f64) -> bool) -> Res<Value> {
    arity(vm, name, &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    Ok(Value::Bool(test(x)))
}

fn math_isfinite(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    math_test(vm, args, "isfinite", f64::is_finite)
}

fn math_isinf(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    math_test(vm, args, "isinf", f64::is_infinite)
}

fn math_isnan(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    math_test(vm, args, "isnan", f64::is_nan)
}

fn math_factorial(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "factorial", &args, 1, 1)?;
    if let Value::Float(_) = args[0] {
        return vm.type_error("'float' object cannot be interpreted as an integer");
    }
    let n = int_arg(vm, &args[0])?;
    if n < 0 {
        return vm.err("ValueError", "factorial() not defined for negative values");
    }
    if n > 20_000 {
        return vm.err("MemoryError", "");
    }
    let mut result = BigInt::from_i64(1);
    for i in 2..=n {
        result = result.mul(&BigInt::from_i64(i));
    }
    Ok(Value::from_big(result))
}

fn math_gcd(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let mut g: i64 = 0;
    for a in &args {
        let mut x = int_arg(vm, a)?.abs();
        let mut y = g;
        while y != 0 {
            let t = x % y;
            x = y;
            y = t;
        }
        g = x;
    }
    Ok(Value::Int(g))
}

fn math_fsum(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "fsum", &args, 1, 1)?;
    let items = ops::collect(vm, args[0].clone())?;
    // Shewchuk's algorithm, as CPython's `math.fsum`: the correctly rounded sum.
    let mut partials: Vec<f64> = Vec::new();
    for item in items {
        let mut x = ops::to_f64(vm, &item)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn math_prod(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    arity(vm, "prod", &args, 1, 1)?;
    let mut total = kwarg(&kwargs, "start").unwrap_or(Value::Int(1));
    for item in ops::collect(vm, args[0].clone())? {
        total = ops::binary(vm, super::ast::BinOp::Mul, total, item, false)?;
    }
    Ok(total)
}

fn math_copysign(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "copysign", &args, 2, 2)?;
    let x = float_arg(vm, &args, 0)?;
    let y = float_arg(vm, &args, 1)?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "fmod", &args, 2, 2)?;
    let x = float_arg(vm, &args, 0)?;
    let y = float_arg(vm, &args, 1)?;
    if y == 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(x % y))
}

fn math_modf(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "modf", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![
            Value::Float(0.0_f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let whole = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - whole).copysign(x)),
        Value::Float(whole),
    ]))
}

fn math_comb(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "comb", &args, 2, 2)?;
    let n = int_arg(vm, &args[0])?;
    let k = int_arg(vm, &args[1])?;
    if n < 0 || k < 0 {
        return vm.err("ValueError", "n must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut result = BigInt::from_i64(1);
    for i in 0..k {
        result = result.mul(&BigInt::from_i64(n - i));
        result = result
            .divmod(&BigInt::from_i64(i + 1))
            .map(|(q, _)| q)
            .unwrap_or_else(BigInt::zero);
    }
    Ok(Value::from_big(result))
}

// ----- sys -----------------------------------------------------------------------------------------

fn sys_exit(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "exit", &args, 0, 1)?;
    let class = vm.types.exception("SystemExit");
    Err(Flow::Raise(vm.new_exception(class, args)))
}

fn sys_getrecursionlimit(_: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Int(super::vm::RECURSION_LIMIT as i64))
}

fn sys_setrecursionlimit(_: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::None)
}

/// `sys.exc_info()`: the exception being handled where it is called, as a triple.
fn sys_exc_info(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "exc_info", &args, 0, 0)?;
    Ok(match vm.handled_exception() {
        Some(exc) => {
            let class = ops::type_of(vm, &exc);
            let symbol = vm.sym("__traceback__");
            let traceback = ops::getattr(vm, &exc, symbol)?;
            Value::tuple(vec![Value::Type(class), exc, traceback])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.exception()` (new in 3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "exception", &args, 0, 0)?;
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

/// `traceback`'s text of an exception, as an uncaught one prints (`lib/traceback.py`).
fn traceback_text(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_text", &args, 1, 1)?;
    Ok(Value::Str(
        super::format::traceback_text(vm, &args[0]).into(),
    ))
}

/// The frames of a traceback object as a traceback prints them, for `format_tb`.
fn traceback_frames_text(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_frames_text", &args, 1, 1)?;
    let entries = ops::traceback_entries(&args[0]).unwrap_or_default();
    Ok(Value::Str(super::format::frames_text(vm, &entries).into()))
}

/// Its last line (`ValueError: message`) and each line of its notes, for
/// `format_exception_only`.
fn traceback_exception_only(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_exception_only", &args, 1, 1)?;
    let lines = super::format::exception_only(vm, &args[0]);
    Ok(Value::list(
        lines
            .into_iter()
            .map(|line| Value::Str(line.into()))
            .collect(),
    ))
}

/// `contextvars`: the current context (None before the program's first).
fn contextvars_current(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(vm.context.clone())
}

fn contextvars_set_current(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_set_current", &args, 1, 1)?;
    vm.context = args[0].clone();
    Ok(Value::None)
}

/// From now on each asyncio task runs in its own context, a copy made by `copy_context`, the
/// argument (asyncio's `_copy_context`).
fn contextvars_enable(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_enable", &args, 1, 1)?;
    vm.contexts_on = true;
    if let Value::Module(asyncio) = super::builtins::import(vm, "asyncio")? {
        set_global(vm, &asyncio, "_copy_context", args[0].clone());
    }
    Ok(Value::None)
}

/// Where the program called `logging` from: the innermost frame of the program's own code (its
/// file, line and function), as a log record names it.
fn logging_caller(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    let caller = vm
        .frames
        .iter()
        .rev()
        .find(|f| *f.code.filename != *super::format::PRELUDE_FILE);
    Ok(match caller {
        Some(frame) => Value::tuple(vec![
            Value::Str(frame.code.filename.clone()),
            Value::Int(frame.current_line() as i64),
            Value::Str(frame.code.name.clone()),
        ]),
        None => Value::tuple(vec![
            Value::str("(unknown file)"),
            Value::Int(0),
            Value::str("(unknown function)"),
        ]),
    })
}

/// `hashlib._digest(name, data)`: the digest of `data` with the algorithm `name`.
fn hashlib_digest(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    use sha2::Digest;
    arity(vm, "_digest", &args, 2, 2)?;
    let (Value::Str(name), Value::Bytes(data)) = (&args[0], &args[1]) else {
        return vm.type_error("_digest(name, data)");
    };
    let digest: Vec<u8> = match &**name {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        other => return vm.err("ValueError", format!("unsupported hash type {other}")),
    };
    Ok(Value::Bytes(digest.into()))
}

/// `warnings._place(stacklevel)`: where a warning points, as (filename, line, module name,
/// source line or None): the program's frame `stacklevel` up from the one that called `warn`
/// (the library's own frames are not counted), or CPython's `sys:1` past the outermost one.
fn warnings_place(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_place", &args, 1, 1)?;
    let level = match &args[0] {
        Value::Int(n) => (*n).max(1) as usize,
        Value::Bool(b) => usize::from(*b).max(1),
        other => {
            let name = ops::type_name(vm, other);
            return vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            ));
        }
    };
    let place = vm
        .frames
        .iter()
        .rev()
        .filter(|f| *f.code.filename != *super::format::PRELUDE_FILE)
        .nth(level - 1)
        .map(|f| {
            (
                f.code.filename.clone(),
                f.current_line(),
                f.globals.name.clone(),
            )
        });
    Ok(match place {
        Some((file, line, module)) => {
            let source = vm.source_line(&file, line).map_or(Value::None, Value::str);
            Value::tuple(vec![
                Value::Str(file),
                Value::Int(i64::from(line)),
                Value::Str(module),
                source,
            ])
        }
        None => Value::tuple(vec![
            Value::str("sys"),
            Value::Int(1),
            Value::str("sys"),
            Value::None,
        ]),
    })
}

/// `warnings._line(filename, line)`: that line of the program, stripped, or None.
fn warnings_line(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_line", &args, 2, 2)?;
    Ok(match (&args[0], &args[1]) {
        (Value::Str(file), Value::Int(line)) => u32::try_from(*line)
            .ok()
            .and_then(|line| vm.source_line(file, line))
            .map_or(Value::None, Value::str),
        _ => Value::None,
    })
}

fn stream(vm: &mut Vm, stderr: bool) -> Value {
    let class = vm.types.named("_Stream");
    let object = Object::new(class, Native::None);
    let symbol = vm.sym("_stderr");
    object.attrs.borrow_mut().set(symbol, Value::Bool(stderr));
    let symbol = vm.sym("name");
    let name = if stderr { "<stderr>" } else { "<stdout>" };
    object.attrs.borrow_mut().set(symbol, Value::str(name));
    Value::Object(object)
}

// ----- modules -------------------------------------------------------------------------------------

fn native_module(vm: &mut Vm, name: &str, functions: &[(&str, NativeFn)]) -> Rc<Module> {
    let module = Module::new(name);
    for (fname, func) in functions {
        set_global(vm, &module, fname, native(fname, *func));
    }
    set_global(vm, &module, "__name__", Value::str(name));
    module
}

/// `sys.version_info`, a tuple with named fields as CPython's.
const SYS_VERSION_INFO: &str = "
class version_info(tuple):
    __slots__ = ()
    __module__ = 'sys'
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)'
                % (self[0], self[1], self[2], self[3], self[4]))


version_info = version_info((3, 11, 7, 'final', 0))


class float_info(tuple):
    __slots__ = ()
    __module__ = 'sys'
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
               'mant_dig', 'epsilon', 'radix', 'rounds')

    def __getattr__(self, name):
        if name in float_info._fields:
            return self[float_info._fields.index(name)]
        raise AttributeError(\"'sys.float_info' object has no attribute '\" + name + \"'\")

    def __repr__(self):
        inner = ', '.join(f'{name}={value!r}' for name, value in zip(float_info._fields, self))
        return f'sys.float_info({inner})'


float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021,
                         -307, 15, 53, 2.220446049250313e-16, 2, 1))
";

/// The Python source of the pure-Python modules.
fn python_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "functools" => include_str!("lib/functools.py"),
        "itertools" => include_str!("lib/itertools.py"),
        "collections" => include_str!("lib/collections.py"),
        "contextlib" => include_str!("lib/contextlib.py"),
        "typing" => include_str!("lib/typing.py"),
        "dataclasses" => include_str!("lib/dataclasses.py"),
        "heapq" => include_str!("lib/heapq.py"),
        "copy" => include_str!("lib/copy.py"),
        "string" => include_str!("lib/string.py"),
        "operator" => include_str!("lib/operator.py"),
        "statistics" => include_str!("lib/statistics.py"),
        "abc" => include_str!("lib/abc.py"),
        "datetime" => include_str!("lib/datetime.py"),
        "enum" => include_str!("lib/enum.py"),
        "json" => include_str!("lib/json.py"),
        "types" => include_str!("lib/types.py"),
        "inspect" => include_str!("lib/inspect.py"),
        "collections.abc" => include_str!("lib/collections_abc.py"),
        "pprint" => include_str!("lib/pprint.py"),
        "timeit" => include_str!("lib/timeit.py"),
        "reprlib" => include_str!("lib/reprlib.py"),
        "textwrap" => include_str!("lib/textwrap.py"),
        "bisect" => include_str!("lib/bisect.py"),
        "io" => include_str!("lib/io.py"),
        "argparse" => include_str!("lib/argparse.py"),
        "os" => include_str!("lib/os.py"),
        "base64" => include_str!("lib/base64.py"),
        "secrets" => include_str!("lib/secrets.py"),
        "uuid" => include_str!("lib/uuid.py"),
        "posixpath" => include_str!("lib/posixpath.py"),
        "__future__" => "annotations = True\n",
        _ => return None,
    })
}

/// A module other than asyncio, or `None` when the playground has no such module.
pub fn module(vm: &mut Vm, name: &str) -> Res<Option<Value>> {
    let module = match name {
        "time" => native_module(
            vm,
            "time",
            &[
                ("time", time_time),
                ("monotonic", time_monotonic),
                ("perf_counter", time_monotonic),
                ("process_time", time_monotonic),
                ("sleep", time_sleep),
                ("strftime", time_strftime),
                ("localtime", time_localtime),
                ("gmtime", time_gmtime),
                ("ctime", time_ctime),
                ("asctime", time_asctime),
            ],
        ),
        "random" => {
            let m = native_module(
                vm,
                "random",
                &[
                    ("random", random_random),
                    ("seed", random_seed),
                    ("randint", random_randint),
                    ("randrange", random_randrange),
                    ("uniform", random_uniform),
                    ("choice", random_choice),
                    ("choices", random_choices),
                    ("shuffle", random_shuffle),
                    ("sample", random_sample),
                    ("getrandbits", random_getrandbits),
                    ("getstate", random_getstate),
                    ("setstate", random_setstate),
                    ("gauss", random_gauss),
                    ("normalvariate", random_normalvariate),
                    ("_new_state", random_new_state),
                    ("_swap_state", random_swap_state),
                ],
            );
            super::run::run_module_source(
                vm,
                m.clone(),
                include_str!("lib/random_class.py"),
                super::format::PRELUDE_FILE,
            )?;
            m
        }
        "traceback" | "logging" | "contextvars" | "warnings" | "hashlib" | "re" => {
            let (natives, source): (&[(&str, NativeFn)], &str) = match name {
                "traceback" => (
                    &[
                        ("_text", traceback_text),
                        ("_exception_only", traceback_exception_only),
                        ("_frames_text", traceback_frames_text),
                    ],
                    include_str!("lib/traceback.py"),
                ),
                "logging" => (
                    &[("_caller", logging_caller)],
                    include_str!("lib/logging.py"),
                ),
                "warnings" => (
                    &[("_place", warnings_place), ("_line", warnings_line)],
                    include_str!("lib/warnings.py"),
                ),
                "hashlib" => (
                    &[("_digest", hashlib_digest)],
                    include_str!("lib/hashlib.py"),
                ),
                "re" => (
                    &[
                        ("_compile", super::regex::re_compile),
                        ("_search", super::regex::re_search),
                    ],
                    include_str!("lib/re.py"),
                ),
                _ => (
                    &[
                        ("_current", contextvars_current),
                        ("_set_current", contextvars_set_current),
                        ("_enable", contextvars_enable),
                    ],
                    include_str!("lib/contextvars.py"),
                ),
            };
            let m = native_module(vm, name, natives);
            super::run::run_module_source(vm, m.clone(), source, super::format::PRELUDE_FILE)?;
            m
        }
        "math" => {
            let m = native_module(
                vm,
                "math",
                &[
                    ("sqrt", math_sqrt),
                    ("exp", math_exp),
                    ("log", math_log),
                    ("log10", math_log10),
                    ("log2", math_log2),
                    ("pow", math_pow),
                    ("sin", math_sin),
                    ("cos", math_cos),
                    ("tan", math_tan),
                    ("asin", math_asin),
                    ("acos", math_acos),
                    ("atan", math_atan),
                    ("atan2", math_atan2),
                    ("hypot", math_hypot),
                    ("fabs", math_fabs),
                    ("floor", math_floor),
                    ("ceil", math_ceil),
                    ("trunc", math_trunc),
                    ("isclose", math_isclose),
                    ("isfinite", math_isfinite),
                    ("isinf", math_isinf),
                    ("isnan", math_isnan),
                    ("factorial", math_factorial),
                    ("gcd", math_gcd),
                    ("fsum", math_fsum),
                    ("prod", math_prod),
                    ("degrees", math_degrees),
                    ("radians", math_radians),
                    ("copysign", math_copysign),
                    ("fmod", math_fmod),
                    ("comb", math_comb),
                    ("modf", math_modf),
                    ("sinh", math_sinh),
                    ("cosh", math_cosh),
                    ("tanh", math_tanh),
                    ("asinh", math_asinh),
                    ("acosh", math_acosh),
                    ("atanh", math_atanh),
                    ("log1p", math_log1p),
                    ("expm1", math_expm1),
                    ("cbrt", math_cbrt),
                    ("exp2", math_exp2),
                    ("isqrt", math_isqrt),
                    ("lcm", math_lcm),
                    ("perm", math_perm),
                    ("dist", math_dist),
                    ("frexp", math_frexp),
                    ("ldexp", math_ldexp),
                ],
            );
            set_global(vm, &m, "pi", Value::Float(std::f64::consts::PI));
            set_global(vm, &m, "e", Value::Float(std::f64::consts::E));
            set_global(vm, &m, "tau", Value::Float(std::f64::consts::TAU));
            set_global(vm, &m, "inf", Value::Float(f64::INFINITY));
            set_global(vm, &m, "nan", Value::Float(f64::NAN));
            m
        }
        "sys" => {
            let m = native_module(
                vm,
                "sys",
                &[
                    ("exit", sys_exit),
                    ("getrecursionlimit", sys_getrecursionlimit),
                    ("setrecursionlimit", sys_setrecursionlimit),
                    ("exc_info", sys_exc_info),
                    ("exception", sys_exception),
                ],
            );
            let out = stream(vm, false);
            let err = stream(vm, true);
            set_global(vm, &m, "stdout", out);
            set_global(vm, &m, "stderr", err);
            // As `python3 FILE` (or `python3 -` for standard input) sets it.
            let program = match &*vm.filename {
                "<stdin>" => Value::str("-"),
                _ => Value::Str(vm.filename.clone()),
            };
            set_global(vm, &m, "argv", Value::list(vec![program]));
            set_global(vm, &m, "platform", Value::str("emscripten"));
            set_global(vm, &m, "version", Value::str("3.11.7 (Async Playground)"));
            set_global(vm, &m, "maxsize", Value::Int(i64::MAX));
            set_global(vm, &m, "byteorder", Value::str("little"));
            super::run::run_module_source(
                vm,
                m.clone(),
                SYS_VERSION_INFO,
                super::format::PRELUDE_FILE,
            )?;
            m
        }
        other => match python_source(other) {
            Some(source) => return super::run::python_module(vm, other, source).map(Some),
            None => return Ok(None),
        },
    };
    Ok(Some(Value::Module(module)))
}
