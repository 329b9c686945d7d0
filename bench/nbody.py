"""N-body: integrate the orbits of the Sun and the four gas giants.

Each body is a plain list [position, velocity, mass] whose position and
velocity are themselves 3-element lists of floats.  The inner loop is pure
float arithmetic on list items.  The total energy of the system is printed
before and after the integration; symplectic integration keeps it nearly
constant, so the two values agree to many digits.
"""

import math

PI = math.pi
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


def make_body(x, y, z, vx, vy, vz, mass):
    return [
        [x, y, z],
        [vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR],
        mass * SOLAR_MASS,
    ]


def solar_system():
    sun = make_body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    jupiter = make_body(
        4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
        1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
        9.54791938424326609e-04)
    saturn = make_body(
        8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
        -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
        2.85885980666130812e-04)
    uranus = make_body(
        1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
        2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
        4.36624404335156298e-05)
    neptune = make_body(
        1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
        2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
        5.15138902046611451e-05)
    return {"sun": sun, "jupiter": jupiter, "saturn": saturn,
            "uranus": uranus, "neptune": neptune}


def all_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def zero_momentum(bodies, sun):
    px = py = pz = 0.0
    for (_, (vx, vy, vz), m) in bodies:
        px += vx * m
        py += vy * m
        pz += vz * m
    sun_v = sun[1]
    sun_m = sun[2]
    sun_v[0] = -px / sun_m
    sun_v[1] = -py / sun_m
    sun_v[2] = -pz / sun_m


def energy(bodies, pairs):
    e = 0.0
    for ((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / math.sqrt(dx * dx + dy * dy + dz * dz)
    for (_, (vx, vy, vz), m) in bodies:
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * math.sqrt(dist2))
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for (p, v, _) in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


STEPS = 250000


def main():
    system = solar_system()
    order = ["sun", "jupiter", "saturn", "uranus", "neptune"]
    bodies = [system[name] for name in order]
    pairs = all_pairs(bodies)
    zero_momentum(bodies, system["sun"])
    before = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, STEPS)
    after = energy(bodies, pairs)
    print("nbody: %d steps" % STEPS)
    print("energy before: %.9f" % before)
    print("energy after:  %.9f" % after)
    jx, jy, jz = system["jupiter"][0]
    print(f"jupiter at: {jx:.6f} {jy:.6f} {jz:.6f}")


if __name__ == "__main__":
    main()
